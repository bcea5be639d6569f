import { z } from 'zod';
import type { SignedPrescriptionPayload } from '@cloudclinic/shared';
import type { Logger } from '../../lib/logger';
import type { Outbox } from '../outbox/outbox';
import { HIS_SYSTEM, type PrescriptionHis } from './his-port';
import { fhirDosage } from './fhir-dosage';

/**
 * Outbox job kinds: approved prescriptions written to the county HIS. (`legacyDispense`: dispenses
 * queued before a dispense also completed its MedicationRequest, still delivered as a plain create;
 * see his-dispense-writeback.ts for the current kind.)
 */
export const WRITEBACK = {
  request: 'rx.his.medication-request',
  legacyDispense: 'rx.his.medication-dispense',
} as const;

const JobSchema = z.object({
  resource: z.looseObject({ resourceType: z.string() }),
  ifNoneExist: z.string().min(1),
});
export type WritebackJob = z.infer<typeof JobSchema>;

/** Delivers write-back jobs with FHIR conditional create, so a retry after an outage never writes twice. */
export function registerWriteback(outbox: Outbox, his: PrescriptionHis, log: Logger): void {
  const deliver = async (payload: unknown) => {
    const job = JobSchema.parse(payload);
    await his.create(job.resource, { ifNoneExist: job.ifNoneExist });
    log.info({ resourceType: job.resource.resourceType, condition: job.ifNoneExist.split('|')[0] }, 'written to the county HIS');
  };
  outbox.on(WRITEBACK.request, deliver);
  outbox.on(WRITEBACK.legacyDispense, deliver);
}

export const identifierQuery = (system: string, value: string) => `identifier=${system}|${value}`;
export const requestIdentifier = (rxId: string, version: number, position: number) => `${rxId}-v${version}-${position}`;

/** One FHIR MedicationRequest per item of the approved (signed) version, carrying its JWS. */
export function medicationRequestJobs(p: SignedPrescriptionPayload, jws: string, hisPatientId: string): { dedupeKey: string; job: WritebackJob }[] {
  return p.items.map((item, index) => {
    const value = requestIdentifier(p.id, p.version, index + 1);
    const resource = {
      resourceType: 'MedicationRequest',
      identifier: [{ system: HIS_SYSTEM.prescriptionItem, value }],
      groupIdentifier: { system: HIS_SYSTEM.prescription, value: p.number },
      extension: [{ url: 'urn:cloudclinic:prescription-jws', valueString: jws }],
      status: 'active',
      intent: 'order',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category', code: 'outpatient', display: 'Outpatient' }], text: '互联网诊疗处方' }],
      medicationReference: { reference: `Medication/${item.medicationId}`, display: item.name },
      subject: { reference: `Patient/${hisPatientId}` },
      authoredOn: p.issuedAt,
      requester: {
        display: `${p.prescriber.name}（${p.prescriber.institution}）`,
        ...(p.prescriber.qualificationNo ? { identifier: { system: 'urn:cloudclinic:qualification', value: p.prescriber.qualificationNo } } : {}),
      },
      ...(p.diagnosis ? { reasonCode: [{ text: p.diagnosis }] } : {}),
      ...(item.instructions ? { note: [{ text: item.instructions }] } : {}),
      dosageInstruction: [fhirDosage(item)],
      dispenseRequest: {
        validityPeriod: { start: p.issuedAt, end: p.validUntil },
        quantity: { value: item.quantity.value, unit: item.quantity.unit },
        expectedSupplyDuration: { value: item.days, unit: '天', system: 'http://unitsofmeasure.org', code: 'd' },
      },
    };
    return { dedupeKey: `${WRITEBACK.request}:${value}`, job: { resource, ifNoneExist: identifierQuery(HIS_SYSTEM.prescriptionItem, value) } };
  });
}
