import crypto from 'node:crypto';
import { maskName, maskResidentId, RANDOM_CODE_ALPHABET, type AccessClaims, type BookAppointmentRequest, type ClinicSessionView, type PublishSessionRequest } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, badRequest, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import { ConsultationPolicy } from '../consultations/consultation-policy';
import type { PatientIdentity } from '../records/patient-identity';
import { ACTIVE_STATUSES, assertTransition } from './appointment-state';
import { ClinicPolicy } from './clinic-policy';
import { appointmentInclude, appointmentView, sessionInclude, sessionView } from './views';

const CODE_ALPHABET = RANDOM_CODE_ALPHABET;

export function newAppointmentCode(): string {
  const bytes = crypto.randomBytes(6);
  return [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export function hashResidentId(residentId: string): string {
  return crypto.createHash('sha256').update(`cloudclinic:resident:${residentId.toUpperCase()}`).digest('hex');
}

/** Clinic sessions (云门诊 hours) and appointments: publish, list, book, cancel. */
export class ScheduleService {
  constructor(
    private readonly prisma: Prisma,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
    private readonly identity: PatientIdentity,
  ) {}

  /** Sessions overlapping [from, to) that this user may see. */
  async listSessions(user: AccessClaims, from: Date, to: Date): Promise<ClinicSessionView[]> {
    const visible =
      user.role === 'admin'
        ? {}
        : user.role === 'expert'
          ? { expertId: user.sub }
          : user.role === 'kiosk' || user.role === 'county_doctor'
            ? { institutions: { some: { institutionId: user.inst } } }
            : null;
    if (visible === null) return [];
    const rows = await this.prisma.clinicSession.findMany({
      where: { ...visible, cancelled: false, startsAt: { lt: to }, endsAt: { gt: from } },
      include: sessionInclude,
      orderBy: { startsAt: 'asc' },
    });
    return rows.map(sessionView);
  }

  async publish(user: AccessClaims, req: PublishSessionRequest & { slotMinutes: number }): Promise<ClinicSessionView> {
    ClinicPolicy.assertCoordinator(user);
    const expert = await this.prisma.user.findUnique({ where: { id: req.expertId } });
    if (!expert || expert.role !== 'expert') throw badRequest('expertId is not an expert');
    const dept = await this.prisma.department.findUnique({ where: { id: req.departmentId } });
    if (!dept) throw badRequest('Unknown departmentId');
    const insts = await this.prisma.institution.findMany({ where: { id: { in: req.institutionIds } } });
    if (insts.length !== new Set(req.institutionIds).size) throw badRequest('Unknown institutionIds');
    const row = await this.prisma.clinicSession.create({
      data: {
        expertId: req.expertId,
        departmentId: req.departmentId,
        startsAt: new Date(req.startsAt),
        endsAt: new Date(req.endsAt),
        capacity: req.capacity,
        slotMinutes: req.slotMinutes,
        createdById: user.sub,
        institutions: { create: insts.map((i) => ({ institutionId: i.id })) },
      },
      include: sessionInclude,
    });
    await this.audit.record({ action: 'session.publish', outcome: 'ok', actorId: user.sub, actorRole: user.role, entityType: 'ClinicSession', entityId: row.id });
    return sessionView(row);
  }

  /**
   * Book a patient into a session. One transaction with the session row locked, so two coordinators
   * booking the last place at once cannot both succeed.
   */
  async book(user: AccessClaims, sessionId: string, req: BookAppointmentRequest) {
    ClinicPolicy.assertCoordinator(user);
    const institution = await this.prisma.institution.findUnique({ where: { id: req.institutionId } });
    if (!institution) throw badRequest('Unknown institutionId');
    // One patient identity: resolved in the county HIS, the name checked, filed at the managing hospital.
    const patient = await this.identity.resolve({ ...req, name: req.patientName }).catch(async (err: unknown) => {
      if (err instanceof AppError) await this.audit.record({ action: 'appointment.book', outcome: err.code, actorId: user.sub, actorRole: user.role, ...(req.hisPatientId ? { hisPatientId: req.hisPatientId } : {}) });
      throw err;
    });
    if (!patient && !req.hisPatientId) throw new AppError('unavailable', 'No county HIS is configured: book by HIS patient id');
    ConsultationPolicy.assertManagedBy(patient, institution);
    const hisPatientId = patient?.hisPatientId ?? req.hisPatientId ?? '';
    const row = await this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ClinicSession" WHERE id = ${sessionId} AND cancelled = false FOR UPDATE`;
      if (locked.length === 0) throw notFound('Clinic session');
      const session = await tx.clinicSession.findUniqueOrThrow({ where: { id: sessionId }, include: { institutions: true } });
      if (!session.institutions.some((i) => i.institutionId === req.institutionId)) {
        throw badRequest('This session does not serve that institution');
      }
      const active = await tx.appointment.findMany({ where: { sessionId, status: { in: [...ACTIVE_STATUSES] } }, select: { hisPatientId: true } });
      if (active.some((a) => a.hisPatientId === hisPatientId)) {
        throw new AppError('already_booked', 'This patient already has an appointment in this session');
      }
      if (active.length >= session.capacity) throw new AppError('session_full', `This session is full (${session.capacity} places)`);
      const last = await tx.appointment.aggregate({ where: { sessionId }, _max: { queueNumber: true } });
      return tx.appointment.create({
        data: {
          sessionId,
          institutionId: req.institutionId,
          code: newAppointmentCode(),
          queueNumber: (last._max.queueNumber ?? 0) + 1,
          hisPatientId,
          patientLabel: maskName(req.patientName),
          patientSex: patient?.sex ?? null,
          patientBirthDate: patient?.birthDate ?? null,
          hisNumber: patient?.hisNumber ?? null,
          hisVerifiedAt: patient ? new Date() : null,
          maskedId: req.residentId ? maskResidentId(req.residentId) : null,
          residentIdHash: req.residentId ? hashResidentId(req.residentId) : null,
        },
        include: appointmentInclude,
      });
    });
    await this.audit.record({
      action: 'appointment.book',
      outcome: 'ok',
      actorId: user.sub,
      actorRole: user.role,
      entityType: 'Appointment',
      entityId: row.id,
      hisPatientId: row.hisPatientId,
    });
    this.events.publish('queue.changed', { sessionId, institutionIds: [row.institutionId] });
    return appointmentView(row);
  }

  async cancel(user: AccessClaims, appointmentId: string) {
    ClinicPolicy.assertCoordinator(user);
    const a = await this.prisma.appointment.findUnique({ where: { id: appointmentId } });
    if (!a) throw notFound('Appointment');
    assertTransition(a.status, 'cancelled');
    const row = await this.prisma.appointment.update({
      where: { id: a.id, status: a.status },
      data: { status: 'cancelled', cancelledAt: new Date() },
      include: appointmentInclude,
    });
    await this.audit.record({ action: 'appointment.cancel', outcome: 'ok', actorId: user.sub, actorRole: user.role, entityType: 'Appointment', entityId: a.id });
    this.events.publish('queue.changed', { sessionId: a.sessionId, institutionIds: [a.institutionId] });
    this.events.publish('appointment.changed', { appointmentId: a.id, sessionId: a.sessionId, institutionId: a.institutionId });
    return appointmentView(row);
  }
}
