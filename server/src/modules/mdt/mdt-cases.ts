import { AddMdtCaseBodySchema, MDT_LIMITS, clinicDate, maskName, type AccessClaims, type AddMdtCaseBody, type MdtMeetingView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, badRequest, conflict, invalidState, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { ConsultationPolicy } from '../consultations/consultation-policy';
import type { PatientIdentity } from '../records/patient-identity';
import { isoWeekday, loadMdtActor } from './mdt-actor';
import { MdtPolicy, type MdtActor } from './mdt-policy';
import { meetingInclude, meetingView } from './mdt-views';

/**
 * The list of a sitting: a case is filed for a date on the board's weekday by the coordinator or
 * the patient's county doctor (the patient checked against the county HIS and filed only at their
 * managing institution). Its own consultation is opened with it, the chair first among the experts
 * (the chair of the joint opinion), the filing county doctor as local doctor. The chair reorders
 * the cases still queued.
 */
export class MdtCases {
  constructor(
    private readonly prisma: Prisma,
    private readonly identity: PatientIdentity,
    private readonly audit: AuditLog,
    /** Told after a case was filed or the list reordered. */
    private readonly changed: (meetingId: string) => void = () => undefined,
  ) {}

  async add(user: AccessClaims, boardId: string, input: AddMdtCaseBody): Promise<MdtMeetingView> {
    const body = AddMdtCaseBodySchema.parse(input);
    const actor = await loadMdtActor(this.prisma, user);
    const board = await this.prisma.mdtBoard.findUnique({ where: { id: boardId } });
    if (!board) throw notFound('MDT board');
    const institutionId = body.institutionId ?? (actor.role === 'county_doctor' ? actor.institutionId : null);
    await this.guard(user, actor, institutionId ?? actor.institutionId, body.hisPatientId);
    if (!institutionId) throw badRequest('institutionId names the patient’s county institution');
    const inst = await this.prisma.institution.findUnique({ where: { id: institutionId } });
    if (!inst || inst.kind === 'provincial_hospital') throw badRequest('institutionId is not a county-side institution');
    if (isoWeekday(body.date) !== board.weekday) throw badRequest('The date is not on the board’s weekday', { issues: [{ path: 'date', message: `weekday ${board.weekday} expected` }] });
    if (body.date < clinicDate(new Date())) throw badRequest('The date has passed', { issues: [{ path: 'date', message: 'in the past' }] });
    const patient = await this.identity.resolve({ hisPatientId: body.hisPatientId, name: body.patientName });
    try {
      ConsultationPolicy.assertManagedBy(patient, inst);
    } catch (err) {
      if (err instanceof AppError) await this.refused(user, err, body.hisPatientId);
      throw err;
    }
    const created = await this.prisma.$transaction(async (tx) => {
      const meeting = await tx.mdtMeeting.upsert({ where: { boardId_date: { boardId, date: body.date } }, create: { boardId, date: body.date }, update: {} });
      // The row lock of this update serialises concurrent filings on one sitting (positions stay distinct).
      const locked = await tx.mdtMeeting.update({ where: { id: meeting.id }, data: { revision: { increment: 1 } } });
      if (locked.status === 'ended') throw invalidState('This sitting has ended');
      const last = await tx.mdtCase.aggregate({ where: { meetingId: meeting.id }, _max: { position: true }, _count: true });
      if (last._count >= MDT_LIMITS.cases) throw invalidState(`A sitting takes at most ${MDT_LIMITS.cases} cases`);
      const now = new Date();
      const experts = [board.chairId, ...board.memberIds];
      const consultation = await tx.consultation.create({
        data: {
          kind: 'mdt',
          status: 'waiting',
          institutionId: inst.id,
          hisPatientId: body.hisPatientId,
          note: { create: {} },
          participants: {
            create: [
              // The chair is invited first: the joint opinion's chair is the first expert.
              ...experts.map((userId, i) => ({ userId, role: 'expert' as const, invitedAt: new Date(now.getTime() - experts.length + i) })),
              ...(actor.role === 'county_doctor' ? [{ userId: actor.id, role: 'local_doctor' as const, invitedAt: now }] : []),
            ],
          },
        },
      });
      const row = await tx.mdtCase.create({
        data: {
          meetingId: meeting.id,
          institutionId: inst.id,
          hisPatientId: body.hisPatientId,
          patientLabel: maskName(body.patientName),
          summary: body.summary,
          question: body.question,
          minutes: body.minutes ?? board.caseMinutes,
          position: (last._max.position ?? 0) + 1,
          consultationId: consultation.id,
          addedById: actor.id,
        },
      });
      return { meetingId: meeting.id, row };
    });
    await this.audit.record({
      action: 'mdt.case.create',
      outcome: 'ok',
      actorId: user.sub,
      actorRole: user.role,
      institutionId: user.inst,
      entityType: 'MdtCase',
      entityId: created.row.id,
      consultationId: created.row.consultationId,
      hisPatientId: created.row.hisPatientId,
    });
    this.changed(created.meetingId);
    return this.view(actor, created.meetingId);
  }

  /** The chair's new order of the queued cases; the list must name exactly the cases queued now. */
  async reorder(user: AccessClaims, meetingId: string, caseIds: readonly string[]): Promise<MdtMeetingView> {
    const actor = await loadMdtActor(this.prisma, user);
    await this.prisma.$transaction(async (tx) => {
      const meeting = await tx.mdtMeeting.findUnique({ where: { id: meetingId }, include: { board: true } });
      if (!meeting) throw notFound('MDT sitting');
      MdtPolicy.assertChair(actor, meeting.board);
      await tx.mdtMeeting.update({ where: { id: meetingId }, data: { revision: { increment: 1 } } });
      const cases = await tx.mdtCase.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
      const queued = cases.filter((c) => c.status === 'queued');
      const same = queued.length === caseIds.length && caseIds.every((id) => queued.some((c) => c.id === id));
      if (!same) throw conflict('The queued cases changed meanwhile (or the list names others); reload and reorder again');
      const first = cases.filter((c) => c.status !== 'queued').reduce((max, c) => Math.max(max, c.position), 0) + 1;
      for (const [i, id] of caseIds.entries()) await tx.mdtCase.update({ where: { id }, data: { position: first + i } });
    });
    this.changed(meetingId);
    return this.view(actor, meetingId);
  }

  private async view(actor: MdtActor, meetingId: string): Promise<MdtMeetingView> {
    const m = await this.prisma.mdtMeeting.findUniqueOrThrow({ where: { id: meetingId }, include: meetingInclude });
    return meetingView(this.prisma, actor, m, new Date());
  }

  private async guard(user: AccessClaims, actor: MdtActor, institutionId: string, hisPatientId: string): Promise<void> {
    try {
      MdtPolicy.assertMayAddCase(actor, institutionId);
    } catch (err) {
      if (err instanceof AppError) await this.refused(user, err, hisPatientId);
      throw err;
    }
  }

  private refused(user: AccessClaims, err: AppError, hisPatientId: string): Promise<void> {
    return this.audit.record({ action: 'mdt.case.create', outcome: err.code, actorId: user.sub, actorRole: user.role, institutionId: user.inst, hisPatientId });
  }
}
