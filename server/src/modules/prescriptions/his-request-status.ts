import { z } from 'zod';
import { HIS_SYSTEM, resourcesOf, type PrescriptionHis } from './his-port';

const RequestSchema = z.looseObject({
  resourceType: z.literal('MedicationRequest'),
  id: z.string().min(1),
  status: z.string(),
  meta: z.looseObject({ versionId: z.string().optional() }).optional(),
});
export type HisMedicationRequest = z.infer<typeof RequestSchema>;

/** Statuses after which a MedicationRequest never moves again. */
const FINAL = new Set(['completed', 'cancelled', 'stopped', 'entered-in-error']);

/**
 * The MedicationRequest the platform wrote for one prescription line, found by its identifier. Not
 * (yet) there — its own write-back still waits in the outbox — is an error, so the job is retried.
 */
export async function findRequest(his: PrescriptionHis, identifierValue: string): Promise<HisMedicationRequest> {
  const found = resourcesOf(await his.searchRequests({ identifier: `${HIS_SYSTEM.prescriptionItem}|${identifierValue}` }));
  const requests = found.flatMap((r) => {
    const parsed = RequestSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  const [only] = requests;
  if (!only || requests.length > 1) throw new Error(`MedicationRequest ${identifierValue} is ${requests.length === 0 ? 'not yet' : `${requests.length} times`} in the county HIS`);
  return only;
}

/**
 * Moves the request to `status` with a FHIR update conditional on the version read: a repeat finds it
 * already there and writes nothing; a concurrent write makes the HIS answer 412 and the job retries.
 */
export async function moveRequest(his: PrescriptionHis, request: HisMedicationRequest, status: 'completed' | 'cancelled' | 'stopped', reason?: string): Promise<boolean> {
  if (FINAL.has(request.status)) return false;
  const { meta: _meta, ...body } = request;
  await his.update({ ...body, status, ...(reason ? { statusReason: { text: reason } } : {}) }, { ifMatch: request.meta?.versionId ?? '1' });
  return true;
}
