import type { HisClient } from '../../integrations/his';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';
import type { Outbox } from '../outbox/outbox';
import { registerNoteWriteback } from './note-writeback';
import { PatientIdentity } from './patient-identity';
import { RecordService } from './record-service';

/** The county HIS record: who a patient is there, what the consultation may read, the note written back. */
export interface Records {
  identity: PatientIdentity;
  records: RecordService;
}

export function createRecords(deps: { his: HisClient | null; access: ConsultationAccess; audit: AuditLog; outbox: Outbox }): Records {
  if (deps.his) registerNoteWriteback(deps.outbox, deps.his);
  return { identity: new PatientIdentity(deps.his), records: new RecordService(deps.his, deps.access, deps.audit) };
}
