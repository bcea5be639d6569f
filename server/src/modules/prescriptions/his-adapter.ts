import { HisNotFoundError, type FhirHisClient, type RecordPartName } from '../../integrations/his';
import { AppError } from '../../lib/errors';
import type { PrescriptionHis } from './his-port';

/** Parts of the record the safety checks cannot do without: a check on a partial record would pass silently. */
const REQUIRED_PARTS: readonly RecordPartName[] = ['allergies', 'medicationStatements', 'conditions'];

/** The platform's HIS client, seen through what prescribing needs. */
export function prescriptionHis(client: Pick<FhirHisClient, 'search' | 'getMedication' | 'getPatient' | 'patientRecord' | 'create' | 'update'>): PrescriptionHis {
  return {
    searchMedications: () => client.search('Medication', {}),
    async getMedication(id) {
      try {
        return await client.getMedication(id);
      } catch (err) {
        if (err instanceof HisNotFoundError) return null;
        throw err;
      }
    },
    async patientRecord(hisPatientId) {
      let record;
      try {
        record = await client.patientRecord(hisPatientId);
      } catch (err) {
        if (err instanceof HisNotFoundError) throw new AppError('bad_request', 'The patient is not in the county HIS');
        throw err;
      }
      const missing = record.failed.filter((f) => REQUIRED_PARTS.includes(f.part));
      if (missing.length > 0) {
        throw new AppError('upstream_unavailable', `The county HIS did not return the patient's ${missing.map((m) => m.part).join(', ')}; safety checks need them`);
      }
      return record.bundle;
    },
    create: (resource, opts) => client.create(resource, { ifNoneExist: opts.ifNoneExist }),
    getPatient: (hisPatientId) => client.getPatient(hisPatientId),
    searchCoverage: (hisPatientId) => client.search('Coverage', { patient: hisPatientId }),
    searchRequests: (query) => client.search('MedicationRequest', query),
    update: (resource, opts) => client.update(resource, { ifMatch: opts.ifMatch }),
  };
}
