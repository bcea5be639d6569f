import type { AccessClaims, AppointmentStatus, CheckInRequest, ConsentRequest, KioskAppointmentView, QueueView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationService } from '../consultations/consultation-service';
import type { EventBus } from '../events/event-bus';
import { assertTransition } from './appointment-state';
import { ClinicPolicy } from './clinic-policy';
import { hashResidentId } from './schedule-service';
import { appointmentInclude, appointmentView, sessionInclude, sessionView } from './views';
import { prescriptionSummaries } from '../prescriptions/kiosk-summary';
import { bookedReferralFor } from '../referrals/kiosk-referral';

type CheckIn = { code: string } | { residentId: string };

/** The live queue of a clinic session: kiosk check-in and consent, the expert's call-next, no-show, recall. */
export class QueueService {
  constructor(
    private readonly prisma: Prisma,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
    private readonly consultations: ConsultationService,
  ) {}

  async queue(user: AccessClaims, sessionId: string): Promise<QueueView> {
    const [view] = await this.queueViews([user], sessionId, { strict: true });
    if (!view) throw notFound('Clinic session');
    return view;
  }

  /**
   * The queue as each of `users` may see it (the screens watching it): the session is read once and
   * its rows once per distinct scope (all, or one institution's part), not once per screen. A user
   * who may not see it gets null (or, with `strict`, the policy's error).
   */
  async queueViews(users: readonly AccessClaims[], sessionId: string, opts: { strict?: boolean } = {}): Promise<(QueueView | null)[]> {
    const session = await this.prisma.clinicSession.findUnique({ where: { id: sessionId }, include: sessionInclude });
    if (!session) return users.map(() => null);
    const byScope = new Map<string, Promise<QueueView>>();
    const viewOf = (scope: string | null): Promise<QueueView> => {
      const key = scope ?? '*';
      let view = byScope.get(key);
      if (!view) {
        view = this.prisma.appointment
          .findMany({ where: { sessionId, ...(scope ? { institutionId: scope } : {}) }, include: appointmentInclude, orderBy: { queueNumber: 'asc' } })
          .then((rows) => ({ session: sessionView(session), appointments: rows.map((r) => appointmentView(r)) }));
        byScope.set(key, view);
      }
      return view;
    };
    return Promise.all(
      users.map((user) => {
        let scope: string | null;
        try {
          scope = ClinicPolicy.queueScope(user, session);
        } catch (err) {
          if (opts.strict) throw err;
          return null;
        }
        return viewOf(scope);
      }),
    );
  }

  async waitingAppointmentIds(sessionId: string): Promise<string[]> {
    const rows = await this.prisma.appointment.findMany({ where: { sessionId, status: 'checked_in' }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  /** Kiosk check-in by appointment code or resident ID, for today's sessions at the kiosk's institution. */
  async checkIn(user: AccessClaims, req: CheckInRequest): Promise<KioskAppointmentView> {
    if (user.role !== 'kiosk' && user.role !== 'county_doctor') throw forbidden('Check-in happens at a county kiosk');
    const by: CheckIn = req;
    const now = new Date();
    const candidates = await this.prisma.appointment.findMany({
      where: {
        ...('code' in by ? { code: by.code } : { residentIdHash: hashResidentId(by.residentId) }),
        session: { cancelled: false, endsAt: { gt: now }, startsAt: { lt: new Date(now.getTime() + 12 * 3600_000) } },
      },
      orderBy: { createdAt: 'asc' },
    });
    if (candidates.length === 0) throw notFound('Appointment for today');
    const mine = candidates.filter((a) => a.institutionId === user.inst);
    if (mine.length === 0) {
      await this.audit.record({ action: 'appointment.checkin', outcome: 'forbidden', actorId: user.sub, actorRole: user.role, institutionId: user.inst });
      throw forbidden('This appointment is at another institution');
    }
    const a = mine.find((x) => x.status === 'booked' || x.status === 'no_show') ?? mine[0];
    if (!a) throw notFound('Appointment for today');
    if (a.status === 'checked_in') {
      // The patient moved to another screen: that screen now shows (and joins for) them.
      if (a.checkedInById !== user.sub) await this.prisma.appointment.updateMany({ where: { id: a.id, status: 'checked_in' }, data: { checkedInById: user.sub } });
      return this.kioskView(user, a.id);
    }
    if (a.status === 'consent_declined') {
      throw new AppError('consent_declined', 'The patient declined the remote visit; a county doctor or the coordinator can re-open the check-in');
    }
    assertTransition(a.status, 'checked_in');
    await this.prisma.appointment.update({
      where: { id: a.id, status: a.status },
      data: { status: 'checked_in', checkedInAt: new Date(), checkedInById: user.sub },
    });
    await this.audit.record({ action: 'appointment.checkin', outcome: 'ok', actorId: user.sub, actorRole: user.role, entityType: 'Appointment', entityId: a.id, hisPatientId: a.hisPatientId });
    this.changed(a);
    return this.kioskView(user, a.id);
  }

  /**
   * Consent, as a state: a granted telemedicine consent makes the appointment callable and joinable;
   * a decline ends the check-in (`consent_declined`, out of the queue) until staff re-open it. The same
   * answer again returns the same result; another answer after a decline is refused. Recording
   * consent is separate and changes nothing in the queue.
   */
  async recordConsent(user: AccessClaims, appointmentId: string, req: ConsentRequest) {
    if (user.role !== 'kiosk' && user.role !== 'county_doctor') throw forbidden('Consent is recorded at the county side');
    const outcome = await this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Appointment" WHERE id = ${appointmentId} FOR UPDATE`;
      if (locked.length === 0) throw notFound('Appointment');
      const a = await tx.appointment.findUniqueOrThrow({ where: { id: appointmentId }, include: { consents: { where: { kind: req.kind }, orderBy: { recordedAt: 'desc' }, take: 1 } } });
      ClinicPolicy.assertSameInstitution(user, a.institutionId);
      const latest = a.consents[0]?.granted ?? null;
      if (req.kind === 'telemedicine') {
        if (a.status === 'consent_declined') {
          if (!req.granted) return { a, changed: false };
          throw new AppError('consent_declined', 'The patient declined; a county doctor or the coordinator must re-open the check-in first');
        }
        if (a.status !== 'checked_in' && a.status !== 'called') throw new AppError('invalid_state', `Consent is asked after check-in and before the visit (now ${a.status})`);
        if (req.granted && a.telemedicineConsentAt) return { a, changed: false };
        await tx.appointment.update({
          where: { id: a.id },
          data: req.granted ? { telemedicineConsentAt: new Date() } : { telemedicineConsentAt: null, status: 'consent_declined' },
        });
      } else if (latest === req.granted) {
        return { a, changed: false };
      }
      await tx.consent.create({
        data: {
          appointmentId,
          kind: req.kind,
          granted: req.granted,
          confirmedBy: req.confirmedBy,
          guardianName: req.confirmedBy === 'guardian' ? (req.guardianName ?? null) : null,
          recordedById: user.sub,
        },
      });
      return { a, changed: true };
    });
    const { a, changed } = outcome;
    if (changed) {
      await this.audit.record({
        action: `consent.${req.kind}`,
        outcome: req.granted ? 'granted' : 'declined',
        actorId: user.sub,
        actorRole: user.role,
        entityType: 'Appointment',
        entityId: appointmentId,
        hisPatientId: a.hisPatientId,
        detail: { confirmedBy: req.confirmedBy },
      });
      this.changed(a);
    }
    return this.kioskView(user, appointmentId);
  }

  /** Staff re-open a check-in after a declined consent: back in the waiting list, consent asked again. */
  async reopen(user: AccessClaims, appointmentId: string) {
    const a = await this.prisma.appointment.findUnique({ where: { id: appointmentId } });
    if (!a) throw notFound('Appointment');
    ClinicPolicy.assertCanReopen(user, a.institutionId);
    if (a.status !== 'consent_declined') throw new AppError('invalid_state', 'Only a check-in ended by a declined consent can be re-opened');
    const moved = await this.prisma.appointment.updateMany({ where: { id: a.id, status: 'consent_declined' }, data: { status: 'checked_in', telemedicineConsentAt: null } });
    if (moved.count !== 1) throw new AppError('invalid_state', 'The appointment changed meanwhile; reload');
    await this.audit.record({ action: 'appointment.reopen', outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'Appointment', entityId: a.id, hisPatientId: a.hisPatientId });
    this.changed(a);
    return appointmentView(await this.prisma.appointment.findUniqueOrThrow({ where: { id: a.id }, include: appointmentInclude }));
  }

  /** The kiosk's screen: position in the queue, estimated wait, the consultation once called, the summary after. */
  async kioskView(user: AccessClaims, appointmentId: string): Promise<KioskAppointmentView> {
    const a = await this.prisma.appointment.findUnique({
      where: { id: appointmentId },
      include: { ...appointmentInclude, session: { include: { expert: true, department: true } }, consultation: { include: { note: true } } },
    });
    if (!a) throw notFound('Appointment');
    ClinicPolicy.assertCanViewAppointment(user, a);
    let position: number | null = null;
    if (a.status === 'checked_in') {
      position = 1 + (await this.prisma.appointment.count({ where: { sessionId: a.sessionId, status: 'checked_in', queueNumber: { lt: a.queueNumber } } }));
    }
    const note = a.consultation?.note;
    const current =
      position === null
        ? null
        : await this.prisma.appointment.findFirst({ where: { sessionId: a.sessionId, status: { in: ['called', 'in_consultation'] } }, orderBy: { calledAt: 'desc' }, select: { calledAt: true, startedAt: true } });
    return {
      ...appointmentView({ ...a, consultation: a.consultation ? { id: a.consultation.id } : null }, { staff: user.role !== 'kiosk' }),
      position,
      estimatedWaitMinutes: position === null ? null : (position - 1) * a.session.slotMinutes,
      typicalVisitMinutes: a.session.slotMinutes,
      currentVisitStartedAt: (current?.startedAt ?? current?.calledAt)?.toISOString() ?? null,
      expertName: a.session.expert.displayName,
      departmentName: a.session.department.name,
      departmentNameEn: a.session.department.nameEn,
      summary:
        a.status === 'completed' && note
          ? { plan: note.plan, assessment: note.assessment, prescriptions: await prescriptionSummaries(this.prisma, note.consultationId), referral: await bookedReferralFor(this.prisma, { consultationId: note.consultationId, hisPatientId: a.hisPatientId, institutionId: a.institutionId }) }
          : null,
    };
  }

  /** Call the first checked-in patient with a standing consent (lowest queue number); anyone else is skipped. */
  async callNext(user: AccessClaims, sessionId: string) {
    const session = await this.loadSessionForExpert(user, sessionId);
    const next = await this.prisma.appointment.findFirst({
      where: { sessionId: session.id, status: 'checked_in', telemedicineConsentAt: { not: null } },
      orderBy: { queueNumber: 'asc' },
    });
    if (!next) throw new AppError('not_found', 'Nobody who has consented is waiting');
    return this.call(user, next.id);
  }

  async call(user: AccessClaims, appointmentId: string) {
    const a = await this.loadAppointmentForExpert(user, appointmentId);
    assertTransition(a.status, 'called');
    if (!a.telemedicineConsentAt) throw new AppError('consent_required', 'The patient has not given telemedicine consent yet');
    const updated = await this.prisma.appointment.updateMany({
      where: { id: a.id, status: a.status, telemedicineConsentAt: { not: null } },
      data: { status: 'called', calledAt: new Date() },
    });
    if (updated.count !== 1) throw new AppError('invalid_state', 'The appointment changed meanwhile; reload');
    const consultation = await this.consultations.openForAppointment(user, a.id);
    await this.audit.record({ action: 'appointment.call', outcome: 'ok', actorId: user.sub, actorRole: user.role, entityType: 'Appointment', entityId: a.id, hisPatientId: a.hisPatientId, consultationId: consultation.id });
    this.changed(a);
    const row = await this.prisma.appointment.findUniqueOrThrow({ where: { id: a.id }, include: appointmentInclude });
    return { appointment: appointmentView(row), consultation };
  }

  async markNoShow(user: AccessClaims, appointmentId: string) {
    return this.move(user, appointmentId, 'no_show', 'appointment.no_show');
  }

  /** Recall: a no-show (or a called patient who did not come) goes back into the waiting queue. */
  async recall(user: AccessClaims, appointmentId: string) {
    return this.move(user, appointmentId, 'checked_in', 'appointment.recall');
  }

  private async move(user: AccessClaims, appointmentId: string, to: AppointmentStatus, action: string) {
    const a = await this.loadAppointmentForExpert(user, appointmentId);
    assertTransition(a.status, to);
    const updated = await this.prisma.appointment.updateMany({ where: { id: a.id, status: a.status }, data: { status: to } });
    if (updated.count !== 1) throw new AppError('invalid_state', 'The appointment changed meanwhile; reload');
    await this.audit.record({ action, outcome: 'ok', actorId: user.sub, actorRole: user.role, entityType: 'Appointment', entityId: a.id });
    this.changed(a);
    return appointmentView(await this.prisma.appointment.findUniqueOrThrow({ where: { id: a.id }, include: appointmentInclude }));
  }

  private async loadSessionForExpert(user: AccessClaims, sessionId: string) {
    const s = await this.prisma.clinicSession.findUnique({ where: { id: sessionId }, include: { institutions: true } });
    if (!s) throw notFound('Clinic session');
    ClinicPolicy.assertRunsSession(user, s);
    return s;
  }

  private async loadAppointmentForExpert(user: AccessClaims, appointmentId: string) {
    const a = await this.prisma.appointment.findUnique({ where: { id: appointmentId }, include: { session: { include: { institutions: true } } } });
    if (!a) throw notFound('Appointment');
    ClinicPolicy.assertRunsSession(user, a.session);
    return a;
  }

  private changed(a: { id: string; sessionId: string; institutionId: string }): void {
    this.events.publish('queue.changed', { sessionId: a.sessionId, institutionIds: [a.institutionId] });
    this.events.publish('appointment.changed', { appointmentId: a.id, sessionId: a.sessionId, institutionId: a.institutionId });
  }
}
