import type { ReferralStatus } from '@cloudclinic/shared';
import { z } from 'zod';
import type { HisClient } from '../../integrations/his';
import type { Outbox } from '../outbox/outbox';
import { resultView } from './referral-results';
import type { ReferralRow } from './referral-views';

export const REFERRAL_WRITEBACK = 'referral.his.booking';
export const REFERRAL_IDENTIFIER_SYSTEM = 'urn:cloudclinic:referral';
/** Extension on a supporting result: its 互认 status (recognized / expired / not_listed) and last accepted day. */
export const MUTUAL_RECOGNITION_EXTENSION = 'urn:cloudclinic:mutual-recognition';

/** FHIR Task.status for each referral state. */
export const TASK_STATUS: Record<ReferralStatus, string> = { requested: 'requested', booked: 'accepted', declined: 'rejected', completed: 'completed', cancelled: 'cancelled' };
export const BUSINESS: Record<ReferralStatus, string> = { requested: '待预约', booked: '已预约', declined: '已拒绝', completed: '已完成', cancelled: '已取消' };
const KIND_TEXT = { outpatient: '上转门诊', admission: '上转住院', exam: '上转检查' } as const;
const EXAM_TEXT = { ct: 'CT', mri: 'MRI', pet_ct: 'PET-CT', endoscopy: '内镜' } as const;

export interface ReferralParties {
  requester: string;
  performer: string;
}

const JobSchema = z.object({
  referralId: z.string(),
  serviceRequest: z.looseObject({ resourceType: z.literal('ServiceRequest') }),
  task: z.looseObject({ resourceType: z.literal('Task') }),
});

/** A result sent with the referral as a Reference: a study by its UID, a report by its HIS id; 互认 as an extension. */
function supportingInfo(row: ReferralRow['results'][number], now: Date) {
  const v = resultView(row, now);
  const extension = [
    { url: MUTUAL_RECOGNITION_EXTENSION, extension: [{ url: 'status', valueCode: v.recognition }, ...(v.validUntil ? [{ url: 'validUntil', valueDate: v.validUntil }] : [])] },
  ];
  const target = v.kind === 'study' ? { type: 'ImagingStudy', identifier: { system: 'urn:dicom:uid', value: `urn:oid:${v.ref}` } } : { reference: `DiagnosticReport/${v.ref}` };
  return { ...target, display: v.title, extension };
}

/** The booked referral as a FHIR R4 ServiceRequest (the order) and a Task (its progress), both under our identifier. */
export function referralResources(r: ReferralRow, who: ReferralParties) {
  const identifier = [{ system: REFERRAL_IDENTIFIER_SYSTEM, value: r.id }];
  const subject = { reference: `Patient/${r.hisPatientId}` };
  const what = r.kind === 'exam' && r.examType ? `${EXAM_TEXT[r.examType]}检查` : KIND_TEXT[r.kind];
  const slot = r.slotAt?.toISOString();
  const serviceRequest = {
    resourceType: 'ServiceRequest' as const,
    identifier,
    status: r.status === 'booked' ? 'active' : r.status === 'completed' ? 'completed' : 'revoked',
    intent: 'order',
    priority: r.urgency === 'urgent' ? 'urgent' : 'routine',
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '3457005', display: 'Patient referral' }], text: '双向转诊（上转）' }],
    code: { coding: [{ system: 'urn:cloudclinic:referral-kind', code: r.kind === 'exam' && r.examType ? r.examType : r.kind, display: what }], text: what },
    subject,
    authoredOn: r.createdAt.toISOString(),
    ...(slot ? { occurrenceDateTime: slot } : {}),
    requester: { display: who.requester },
    performer: [{ display: who.performer }],
    reasonCode: [{ text: r.reason }],
    ...(r.results.length > 0 ? { supportingInfo: r.results.map((x) => supportingInfo(x, new Date())) } : {}),
    ...(r.preparation ? { patientInstruction: r.preparation } : {}),
    ...(r.place ? { note: [{ text: `地点：${r.place}` }] } : {}),
  };
  const task = {
    resourceType: 'Task' as const,
    identifier,
    status: TASK_STATUS[r.status],
    businessStatus: { text: BUSINESS[r.status] },
    intent: 'order',
    for: subject,
    authoredOn: r.createdAt.toISOString(),
    lastModified: (r.decidedAt ?? r.updatedAt).toISOString(),
    owner: { display: who.performer },
    ...(slot ? { executionPeriod: { start: slot } } : {}),
    description: what,
  };
  return { serviceRequest, task };
}

/** The outbox job for a booking (built inside the transaction that books it): one per referral. */
export function referralWritebackJob(r: ReferralRow, who: ReferralParties) {
  return { kind: REFERRAL_WRITEBACK, dedupeKey: `${REFERRAL_WRITEBACK}:${r.id}`, payload: { referralId: r.id, ...referralResources(r, who) } };
}

/** Delivery: conditional creates on our identifier, so a repeated delivery lands once; the Task points at the order. */
export function registerReferralWriteback(outbox: Outbox, his: HisClient): void {
  outbox.on(REFERRAL_WRITEBACK, async (payload) => {
    const job = JobSchema.parse(payload);
    const ifNoneExist = `identifier=${REFERRAL_IDENTIFIER_SYSTEM}|${job.referralId}`;
    const order = await his.create(job.serviceRequest, { ifNoneExist });
    const basedOn = [{ reference: `ServiceRequest/${order.resource.id}` }];
    await his.create({ ...job.task, basedOn, focus: basedOn[0] }, { ifNoneExist });
  });
}
