import type { Prisma } from '../../db/database';
import type { DicomwebClient } from '../../integrations/pacs/dicomweb-client';
import type { HisClient } from '../../integrations/his';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import type { Outbox } from '../outbox/outbox';
import type { PatientIdentity } from '../records/patient-identity';
import type { ConsultationAccess } from './consultation-access';
import { ConsultationOpening } from './consultation-opening';
import { ConsultationRequests } from './consultation-requests';
import { ConsultationService } from './consultation-service';
import { NoteService } from './note-service';
import { RequestAttachments } from './request-attachments';
import { RequestScheduling } from './request-scheduling';

/** Consultations: opening, the note, ending; the county doctor's requests and their scheduling. */
export interface Consultations {
  consultations: ConsultationService;
  notes: NoteService;
  opening: ConsultationOpening;
  requests: ConsultationRequests;
  scheduling: RequestScheduling;
  /** Checks that PACS studies and HIS reports picked for a request or referral are the patient's. */
  attachments: RequestAttachments;
}

export interface ConsultationDeps {
  prisma: Prisma;
  access: ConsultationAccess;
  identity: PatientIdentity;
  audit: AuditLog;
  events: EventBus;
  outbox: Outbox;
  his: HisClient | null;
  pacs: DicomwebClient | null;
  /** Ends the consultation's room, wherever the media module keeps it. */
  closeRoom: (consultationId: string) => void;
}

export function createConsultations(d: ConsultationDeps): Consultations {
  const notes = new NoteService(d.prisma, d.access, d.audit);
  const consultations = new ConsultationService(d.prisma, d.access, notes, d.audit, d.events, d.closeRoom, d.outbox);
  const opening = new ConsultationOpening(d.prisma, d.identity, d.audit, d.events);
  const attachments = new RequestAttachments(d.pacs, d.his);
  const requests = new ConsultationRequests(d.prisma, d.identity, attachments, d.audit, d.events);
  const scheduling = new RequestScheduling(d.prisma, requests, opening, d.audit, d.events);
  return { consultations, notes, opening, requests, scheduling, attachments };
}
