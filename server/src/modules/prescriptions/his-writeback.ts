import { z } from 'zod';
import { DRUG_ROUTES, FREQUENCIES, type SignedPrescriptionPayload } from '@cloudclinic/shared';
import type { Logger } from '../../lib/logger';
import type { Outbox } from '../outbox/outbox';
import { HIS_SYSTEM, type PrescriptionHis } from './his-port';
import type { PrescriptionRow } from './signed-payload';

/** Outbox job kinds: approved prescriptions and dispenses written to the county HIS. */
export const WRITEBACK = {
  request: 'rx.his.medication-request',
  dispense: 'rx.his.medication-dispense',
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
  outbox.on(WRITEBACK.dispense, deliver);
}

const identifierQuery = (system: string, value: string) => `identifier=${system}|${value}`;
export const requestIdentifier = (rxId: string, version: number, position: number) => `${rxId}-v${version}-${position}`;

/** One FHIR MedicationRequest per item of the approved (signed) version, carrying its JWS. */
export function medicationRequestJobs(p: SignedPrescriptionPayload, jws: string, hisPatientId: string): { dedupeKey: string; job: WritebackJob }[] {
  return p.items.map((item, index) => {
    const value = requestIdentifier(p.id, p.version, index + 1);
    const frequency = FREQUENCIES[item.frequency];
    const route = DRUG_ROUTES[item.route];
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
      dosageInstruction: [
        {
          text: `${frequency.zh}，每次${item.dose.value}${item.dose.unit}，${route.zh}${item.instructions ? `；${item.instructions}` : ''}`,
          timing: { code: { text: item.frequency } },
          ...(item.frequency === 'prn' ? { asNeededBoolean: true } : {}),
          route: { text: route.zh },
          doseAndRate: [{ doseQuantity: { value: item.dose.value, unit: item.dose.unit } }],
        },
      ],
      dispenseRequest: {
        validityPeriod: { start: p.issuedAt, end: p.validUntil },
        quantity: { value: item.quantity.value, unit: item.quantity.unit },
        expectedSupplyDuration: { value: item.days, unit: '天', system: 'http://unitsofmeasure.org', code: 'd' },
      },
    };
    return { dedupeKey: `${WRITEBACK.request}:${value}`, job: { resource, ifNoneExist: identifierQuery(HIS_SYSTEM.prescriptionItem, value) } };
  });
}

/** One FHIR MedicationDispense per dispensed item, pointing at its MedicationRequest by identifier. */
export function medicationDispenseJobs(rx: PrescriptionRow, pharmacist: string, at: Date): { dedupeKey: string; job: WritebackJob }[] {
  return rx.items
    .filter((i) => i.dispensedQuantity !== null && i.dispensedQuantity > 0)
    .map((i) => {
      const value = `${rx.id}-v${rx.version}-${i.position}`;
      const resource = {
        resourceType: 'MedicationDispense',
        identifier: [{ system: HIS_SYSTEM.dispense, value }],
        status: 'completed',
        medicationReference: { reference: `Medication/${i.medicationId}`, display: i.name },
        subject: { reference: `Patient/${rx.hisPatientId}` },
        authorizingPrescription: [{ identifier: { system: HIS_SYSTEM.prescriptionItem, value: requestIdentifier(rx.id, rx.version, i.position) }, display: rx.number }],
        quantity: { value: i.dispensedQuantity, unit: i.quantityUnit },
        whenHandedOver: at.toISOString(),
        performer: [{ actor: { display: pharmacist } }],
        extension: [{ url: 'urn:cloudclinic:lot', valueString: i.lot ?? '' }],
        note: [{ text: `批号 ${i.lot ?? ''}` }],
      };
      return { dedupeKey: `${WRITEBACK.dispense}:${value}`, job: { resource, ifNoneExist: identifierQuery(HIS_SYSTEM.dispense, value) } };
    });
}
