import type { AccessClaims, ConsultationView, ParticipantRole } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import type { Outbox } from '../outbox/outbox';
import { NOTE_WRITEBACK, type NoteWriteback } from '../records/note-writeback';
import type { ConsultationAccess } from './consultation-access';
import type { NoteService } from './note-service';
import { consultationInclude, consultationView } from './views';

/** Closes a consultation's media room (implemented by the SFU layer). */
export type CloseRoom = (consultationId: string) => void;

/** Consultations: opened when the expert calls a patient (or ad hoc for 远程会诊), ended with a signed note. */
export class ConsultationService {
  constructor(
    private readonly prisma: Prisma,
    private readonly access: ConsultationAccess,
    private readonly notes: NoteService,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
    private readonly closeRoom: CloseRoom,
    private readonly outbox: Outbox | null = null,
  ) {
    events.subscribe('room.peerJoined', (e) => {
      if (e.participantRole === 'patient_kiosk') void this.patientEntered(e.consultationId);
    });
  }

  async view(user: AccessClaims, id: string): Promise<ConsultationView> {
    const grant = await this.access.grant(user, id, { allowEnded: true });
    const c = await this.prisma.consultation.findUniqueOrThrow({ where: { id }, include: consultationInclude });
    return consultationView(c, grant.participantRole);
  }

  /** Opened when the expert calls a patient: the expert and the kiosk that checked the patient in take part. */
  async openForAppointment(user: AccessClaims, appointmentId: string): Promise<ConsultationView> {
    const a = await this.prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId }, include: { consultation: true } });
    const participants: { userId: string; role: ParticipantRole }[] = [{ userId: user.sub, role: 'expert' }];
    if (a.checkedInById) {
      const kiosk = await this.prisma.user.findUnique({ where: { id: a.checkedInById } });
      if (kiosk) participants.push({ userId: kiosk.id, role: kiosk.role === 'kiosk' ? 'patient_kiosk' : 'local_doctor' });
    }
    const id =
      a.consultation?.id ??
      (
        await this.prisma.consultation.create({
          data: { kind: 'cloud_clinic', status: 'active', appointmentId, institutionId: a.institutionId, hisPatientId: a.hisPatientId, startedAt: new Date(), note: { create: {} } },
        })
      ).id;
    for (const p of participants) {
      await this.prisma.consultationParticipant.upsert({
        where: { consultationId_userId: { consultationId: id, userId: p.userId } },
        update: {},
        create: { consultationId: id, userId: p.userId, role: p.role },
      });
    }
    this.events.publish('consultation.changed', { consultationId: id });
    const c = await this.prisma.consultation.findUniqueOrThrow({ where: { id }, include: consultationInclude });
    return consultationView(c, 'expert');
  }

  /**
   * End: in one transaction, mark the consultation ended, sign the note (a complete one: 422 lists
   * what is missing, and nothing changes), complete the appointment and queue the note for the HIS;
   * then close the room. Only an expert of the consultation may; a second end is 409.
   */
  async end(user: AccessClaims, id: string): Promise<ConsultationView> {
    const grant = await this.access.grant(user, id);
    if (grant.participantRole !== 'expert') throw forbidden('Only the consultation’s expert may end it');
    const author = await this.prisma.user.findUniqueOrThrow({ where: { id: user.sub }, include: { institution: true } });
    const now = new Date();
    const { ended, note } = await this.prisma.$transaction(async (tx) => {
      // The row update serialises concurrent ends: the second sees the consultation ended.
      const moved = await tx.consultation.updateMany({ where: { id, status: { not: 'ended' } }, data: { status: 'ended', endedAt: now } });
      if (moved.count !== 1) throw new AppError('invalid_state', 'The consultation has already ended');
      const c = await tx.consultation.findUniqueOrThrow({ where: { id } });
      const signed = await this.notes.signWithin(tx, user, id);
      if (c.appointmentId) {
        const done = await tx.appointment.updateMany({
          where: { id: c.appointmentId, status: { in: ['called', 'in_consultation'] } },
          data: { status: 'completed', completedAt: now },
        });
        if (done.count !== 1) throw new AppError('invalid_state', 'The appointment is not in consultation');
      }
      if (this.outbox) {
        // Queued in the same transaction as the end of the consultation: the note reaches the HIS eventually, once.
        const { diagnoses, ...text } = signed.content;
        const coded = diagnoses.map((d) => `${d.code} ${d.zh}`).join('；');
        const payload: NoteWriteback = {
          consultationId: id,
          hisPatientId: c.hisPatientId,
          version: signed.version,
          hash: signed.hash,
          signedAt: signed.signedAt,
          authorName: author.displayName,
          authorInstitution: author.institution.name,
          content: { ...text, assessment: coded ? `${text.assessment}\n诊断（ICD-10）：${coded}` : text.assessment },
        };
        await this.outbox.enqueue(NOTE_WRITEBACK, `note:${id}:v${signed.version}`, payload, tx);
      }
      return { ended: c, note: signed };
    });
    await this.notes.recordSigned(user, id, note);
    await this.audit.record({ action: 'consultation.end', outcome: 'ok', actorId: user.sub, actorRole: user.role, consultationId: id, hisPatientId: ended.hisPatientId });
    this.closeRoom(id);
    this.events.publish('consultation.changed', { consultationId: id });
    if (ended.appointmentId) {
      const a = await this.prisma.appointment.findUniqueOrThrow({ where: { id: ended.appointmentId } });
      this.events.publish('queue.changed', { sessionId: a.sessionId, institutionIds: [a.institutionId] });
      this.events.publish('appointment.changed', { appointmentId: a.id, sessionId: a.sessionId, institutionId: a.institutionId });
    }
    const c = await this.prisma.consultation.findUniqueOrThrow({ where: { id }, include: consultationInclude });
    return consultationView(c, 'expert');
  }

  /** The patient's kiosk entered the room: the appointment is now in consultation. */
  private async patientEntered(consultationId: string): Promise<void> {
    const c = await this.prisma.consultation.findUnique({ where: { id: consultationId } });
    if (!c?.appointmentId) return;
    const moved = await this.prisma.appointment.updateMany({ where: { id: c.appointmentId, status: 'called' }, data: { status: 'in_consultation', startedAt: new Date() } });
    if (moved.count === 1) {
      const a = await this.prisma.appointment.findUniqueOrThrow({ where: { id: c.appointmentId } });
      this.events.publish('queue.changed', { sessionId: a.sessionId, institutionIds: [a.institutionId] });
      this.events.publish('appointment.changed', { appointmentId: a.id, sessionId: a.sessionId, institutionId: a.institutionId });
    }
  }

  async assertExists(id: string): Promise<void> {
    if (!(await this.prisma.consultation.findUnique({ where: { id }, select: { id: true } }))) throw notFound('Consultation');
  }
}
