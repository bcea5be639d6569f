import { z } from 'zod';
import { FrequencySchema, RouteCodeSchema } from '@cloudclinic/shared';
import type { Logger } from '../../lib/logger';
import type { Outbox } from '../outbox/outbox';
import { fhirDosage, type DosageLine } from './fhir-dosage';
import { HIS_SYSTEM, type PrescriptionHis } from './his-port';
import { findRequest, moveRequest } from './his-request-status';
import { identifierQuery, requestIdentifier } from './his-writeback';
import type { PrescriptionRow } from './signed-payload';

/** Outbox job kinds: a dispensed line (MedicationDispense + its MedicationRequest completed), and a bare status change. */
export const DISPENSE_WRITEBACK = {
  dispense: 'rx.his.dispense',
  requestStatus: 'rx.his.request-status',
} as const;

const DispenseJobSchema = z.object({
  request: z.string().min(1),
  dispense: z.looseObject({ resourceType: z.literal('MedicationDispense') }),
  ifNoneExist: z.string().min(1),
});
const StatusJobSchema = z.object({ request: z.string().min(1), status: z.enum(['cancelled', 'stopped']), reason: z.string() });
type DispenseJob = z.infer<typeof DispenseJobSchema>;
type StatusJob = z.infer<typeof StatusJobSchema>;

/**
 * Delivers dispenses: the MedicationDispense by conditional create (our dispense identifier), pointing
 * at the MedicationRequest written at approval, then that request `completed` by a version-checked
 * update. Each step finds its own earlier success, so a retry after an outage writes nothing twice.
 */
export function registerDispenseWriteback(outbox: Outbox, his: PrescriptionHis, log: Logger): void {
  outbox.on(DISPENSE_WRITEBACK.dispense, async (payload) => {
    const job = DispenseJobSchema.parse(payload);
    const request = await findRequest(his, job.request);
    const authorizing = { reference: `MedicationRequest/${request.id}`, identifier: { system: HIS_SYSTEM.prescriptionItem, value: job.request } };
    await his.create({ ...job.dispense, authorizingPrescription: [authorizing] }, { ifNoneExist: job.ifNoneExist });
    const moved = await moveRequest(his, request, 'completed');
    log.info({ request: job.request, completed: moved }, 'dispense written to the county HIS');
  });
  outbox.on(DISPENSE_WRITEBACK.requestStatus, async (payload) => {
    const job = StatusJobSchema.parse(payload);
    const moved = await moveRequest(his, await findRequest(his, job.request), job.status, job.reason);
    log.info({ request: job.request, status: job.status, moved }, 'prescription status written to the county HIS');
  });
}

export interface Dispenser {
  id: string;
  name: string;
  qualificationNo: string | null;
}

/** The dispensing pharmacist as FHIR knows a person outside its directory: an identifier and a name. */
function performer(p: Dispenser) {
  const identifier = p.qualificationNo ? { system: 'urn:cloudclinic:qualification', value: p.qualificationNo } : { system: 'urn:cloudclinic:user', value: p.id };
  return [{ function: { text: '调配/发药药师' }, actor: { identifier, display: p.name } }];
}

/** One job per line of a dispensed prescription: lines given out get a MedicationDispense, lines not given out are stopped. */
export function dispenseJobs(rx: PrescriptionRow, pharmacist: Dispenser, at: Date): { kind: string; dedupeKey: string; job: DispenseJob | StatusJob }[] {
  return [...rx.items]
    .sort((a, b) => a.position - b.position)
    .map((i) => {
      const request = requestIdentifier(rx.id, rx.version, i.position);
      if (i.dispensedQuantity === null || i.dispensedQuantity <= 0) {
        const job: StatusJob = { request, status: 'stopped', reason: '药房未发药（发药数量为0）' };
        return { kind: DISPENSE_WRITEBACK.requestStatus, dedupeKey: `${DISPENSE_WRITEBACK.requestStatus}:${request}`, job };
      }
      const line: DosageLine = { frequency: FrequencySchema.parse(i.frequency), route: RouteCodeSchema.parse(i.route), dose: { value: i.doseValue, unit: i.doseUnit }, instructions: i.instructions };
      const dispense = {
        resourceType: 'MedicationDispense' as const,
        identifier: [{ system: HIS_SYSTEM.dispense, value: request }],
        status: 'completed',
        medicationReference: { reference: `Medication/${i.medicationId}`, display: i.name },
        subject: { reference: `Patient/${rx.hisPatientId}`, display: rx.patientName },
        performer: performer(pharmacist),
        quantity: { value: i.dispensedQuantity, unit: i.quantityUnit },
        daysSupply: { value: i.days, unit: '天', system: 'http://unitsofmeasure.org', code: 'd' },
        whenHandedOver: at.toISOString(),
        dosageInstruction: [fhirDosage(line)],
        ...(i.lot ? { extension: [{ url: 'urn:cloudclinic:lot', valueString: i.lot }], note: [{ text: `批号 ${i.lot}` }] } : {}),
      };
      const job: DispenseJob = { request, dispense, ifNoneExist: identifierQuery(HIS_SYSTEM.dispense, request) };
      return { kind: DISPENSE_WRITEBACK.dispense, dedupeKey: `${DISPENSE_WRITEBACK.dispense}:${request}`, job };
    });
}
