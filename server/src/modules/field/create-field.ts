import type { Prisma } from '../../db/database';
import type { HisClient } from '../../integrations/his';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';
import type { EventBus } from '../events/event-bus';
import type { Outbox } from '../outbox/outbox';
import { PatientIdentity } from '../records/patient-identity';
import { AttachmentService } from './attachment-service';
import { FieldConsultations } from './field-consultations';
import { InvitationRevocation } from './invitation-revocation';
import { InvitationService } from './invitation-service';
import { registerVitalsWriteback } from './vitals-fhir';
import { VitalsService } from './vitals-service';

export interface Field {
  invitations: InvitationService;
  revocation: InvitationRevocation;
  consultations: FieldConsultations;
  attachments: AttachmentService;
  vitals: VitalsService;
}

export interface FieldDeps {
  prisma: Prisma;
  access: ConsultationAccess;
  audit: AuditLog;
  events: EventBus;
  outbox: Outbox;
  his: HisClient | null;
  secret: string;
}

/** Field medicine: invitations, ambulance / ship consultations, vitals in the record, attachments. */
export function createField(d: FieldDeps): Field {
  if (d.his) registerVitalsWriteback(d.outbox, d.his);
  return {
    invitations: new InvitationService(d.prisma, d.access, d.audit, d.events, d.secret),
    revocation: new InvitationRevocation(d.prisma, d.audit),
    consultations: new FieldConsultations(d.prisma, d.audit, d.events, new PatientIdentity(d.his)),
    attachments: new AttachmentService(d.prisma, d.access, d.audit),
    // Without a HIS nothing would deliver the jobs: queue them only when one is configured.
    vitals: new VitalsService(d.prisma, d.access, d.audit, d.his ? d.outbox : null),
  };
}
