import type { AccessClaims, ConsultationView, CreateConsultationRequest, ParticipantRole } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, badRequest, forbidden, notFound } from '../../lib/errors';
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

  /** An ad-hoc remote consultation (远程会诊 / MDT / field) created by an expert, who joins it as expert. */
  async create(user: AccessClaims, req: CreateConsultationRequest & { kind: 'remote_consultation' | 'mdt' | 'field'; invite: { userId: string; role: ParticipantRole }[] }) {
    if (user.role !== 'expert' && user.role !== 'admin') throw forbidden('Only experts and coordinators open consultations');
    const inst = await this.prisma.institution.findUnique({ where: { id: req.institutionId } });
    if (!inst) throw badRequest('Unknown institutionId');
    const invitees = await this.prisma.user.findMany({ where: { id: { in: req.invite.map((i) => i.userId) } } });
    if (invitees.length !== new Set(req.invite.map((i) => i.userId)).size) throw badRequest('Unknown invited userId');
    const participants = new Map<string, ParticipantRole>();
    if (user.role === 'expert') participants.set(user.sub, 'expert');
    for (const i of req.invite) if (!participants.has(i.userId)) participants.set(i.userId, i.role);
    const c = await this.prisma.consultation.create({
      data: {
        kind: req.kind,
        status: 'active',
        institutionId: inst.id,
        hisPatientId: req.hisPatientId,
        startedAt: new Date(),
        participants: { create: [...participants].map(([userId, role]) => ({ userId, role })) },
        note: { create: {} },
      },
      include: consultationInclude,
    });
    await this.audit.record({ action: 'consultation.create', outcome: 'ok', actorId: user.sub, actorRole: user.role, consultationId: c.id, hisPatientId: c.hisPatientId });
    return consultationView(c, participants.get(user.sub) ?? 'observer');
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

  /** End: sign the note, complete the appointment, close the room. Only an expert of the consultation may. */
  async end(user: AccessClaims, id: string): Promise<ConsultationView> {
    const grant = await this.access.grant(user, id);
    if (grant.participantRole !== 'expert') throw forbidden('Only the consultation’s expert may end it');
    const signed = await this.notes.sign(user, id);
    const version = signed.versions[signed.versions.length - 1];
    const author = await this.prisma.user.findUniqueOrThrow({ where: { id: user.sub }, include: { institution: true } });
    const now = new Date();
    const ended = await this.prisma.$transaction(async (tx) => {
      const c = await tx.consultation.update({ where: { id, status: { not: 'ended' } }, data: { status: 'ended', endedAt: now } }).catch(() => null);
      if (!c) throw new AppError('invalid_state', 'The consultation has already ended');
      if (c.appointmentId) {
        const moved = await tx.appointment.updateMany({
          where: { id: c.appointmentId, status: { in: ['called', 'in_consultation'] } },
          data: { status: 'completed', completedAt: now },
        });
        if (moved.count !== 1) throw new AppError('invalid_state', 'The appointment is not in consultation');
      }
      if (this.outbox && version) {
        // Queued in the same transaction as the end of the consultation: the note reaches the HIS eventually, once.
        const payload: NoteWriteback = {
          consultationId: id,
          hisPatientId: c.hisPatientId,
          version: version.version,
          hash: version.hash,
          signedAt: version.signedAt,
          authorName: author.displayName,
          authorInstitution: author.institution.name,
          content: { chiefComplaint: signed.chiefComplaint, history: signed.history, examination: signed.examination, assessment: signed.assessment, plan: signed.plan },
        };
        await this.outbox.enqueue(NOTE_WRITEBACK, `note:${id}:v${version.version}`, payload, tx);
      }
      return c;
    });
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
