import { clinicDate, type AccessClaims, type MdtMeetingSummary, type MdtMeetingView, type ParticipantRole } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { loadMdtActor } from './mdt-actor';
import { MdtPolicy, type MdtActor } from './mdt-policy';
import { meetingFacts, meetingInclude, meetingView, type MeetingRow } from './mdt-views';

type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

/** Who is entering a sitting's room, and as whom (see `MdtPolicy.roomRole`). */
export interface MeetingRoomGrant {
  meetingId: string;
  participantRole: ParticipantRole;
  displayName: string;
  institutionName: string;
}

/**
 * A sitting of a board: its list as each participant may see it, and the chair's moves. Every move
 * is a conditional update on the state it starts from, so two "next" pressed at once move one case.
 * A case that becomes current starts its consultation; one that is done keeps it open for the
 * opinions and their signatures.
 */
export class MdtMeetings {
  constructor(
    private readonly prisma: Prisma,
    private readonly audit: AuditLog,
    /** Closes the sitting's media room (the SFU layer): everyone in it is told the sitting ended. */
    private readonly closeRoom: (meetingId: string) => void = () => undefined,
    /** Told after every move that went through. */
    private readonly changed: (meetingId: string) => void = () => undefined,
  ) {}

  async list(user: AccessClaims, from?: string): Promise<MdtMeetingSummary[]> {
    const actor = await loadMdtActor(this.prisma, user);
    const since = from ?? clinicDate(new Date());
    const where =
      actor.role === 'admin'
        ? {}
        : actor.role === 'county_doctor'
          ? { cases: { some: { institutionId: actor.institutionId } } }
          : actor.role === 'expert'
            ? { board: { OR: [{ chairId: actor.id }, { memberIds: { has: actor.id } }] } }
            : null;
    if (!where) throw forbidden('MDT sittings are for experts, county doctors and coordinators');
    const rows = await this.prisma.mdtMeeting.findMany({
      where: { AND: [where, { date: { gte: since } }] },
      include: { board: true, _count: { select: { cases: true } } },
      orderBy: [{ date: 'asc' }, { createdAt: 'asc' }],
      take: 100,
    });
    return rows.map((m) => ({ id: m.id, date: m.date, status: m.status, boardId: m.boardId, title: m.board.title, startTime: m.board.startTime, cases: m._count.cases }));
  }

  async get(user: AccessClaims, id: string): Promise<MdtMeetingView> {
    const actor = await loadMdtActor(this.prisma, user);
    const m = await this.load(this.prisma, id);
    if (!MdtPolicy.sees(actor, meetingFacts(m))) throw forbidden('This sitting is not yours to see');
    return meetingView(this.prisma, actor, m, new Date());
  }

  /** The chair opens the sitting: the first queued case becomes current. */
  async start(user: AccessClaims, id: string): Promise<MdtMeetingView> {
    return this.move(user, id, 'start', async (tx, m, now) => {
      if (m.status !== 'scheduled') throw conflict('The sitting has already started');
      const claimed = await tx.mdtMeeting.updateMany({ where: { id, status: 'scheduled', revision: m.revision }, data: { status: 'running', startedAt: now, revision: { increment: 1 } } });
      if (claimed.count !== 1) throw conflict('The sitting changed meanwhile; reload it');
      if (!(await this.makeCurrent(tx, m, now))) throw invalidState('The list has no case to start with');
    });
  }

  /** "下一病例": the case named (the current one) is done, the next queued one becomes current; none left ends the sitting. */
  async advance(user: AccessClaims, id: string, fromCaseId: string): Promise<MdtMeetingView> {
    return this.move(user, id, 'next', async (tx, m, now) => {
      const done = await tx.mdtCase.updateMany({ where: { id: fromCaseId, meetingId: id, status: 'current' }, data: { status: 'done', doneAt: now } });
      if (done.count !== 1) throw conflict('This case is no longer the current one; the sitting has moved on');
      await tx.mdtMeeting.update({ where: { id }, data: { revision: { increment: 1 } } });
      if (!(await this.makeCurrent(tx, m, now))) await tx.mdtMeeting.update({ where: { id }, data: { status: 'ended', endedAt: now } });
    });
  }

  /** Joining the sitting's room: the chair, the members, the county doctors of the day's cases; not after its end. */
  async roomGrant(user: AccessClaims, id: string): Promise<MeetingRoomGrant> {
    const actor = await loadMdtActor(this.prisma, user);
    const m = await this.load(this.prisma, id);
    const role = MdtPolicy.roomRole(actor, meetingFacts(m));
    if (!role) throw forbidden('You are not a participant of this MDT sitting');
    if (m.status === 'ended') throw forbidden('This sitting has ended');
    return { meetingId: m.id, participantRole: role, displayName: actor.displayName, institutionName: actor.institutionName };
  }

  private async move(user: AccessClaims, id: string, action: 'start' | 'next', step: (tx: Tx, m: MeetingRow, now: Date) => Promise<void>): Promise<MdtMeetingView> {
    const actor = await loadMdtActor(this.prisma, user);
    const m = await this.load(this.prisma, id);
    try {
      MdtPolicy.assertChair(actor, m.board);
      if (m.status === 'ended') throw conflict('This sitting has ended');
      await this.prisma.$transaction((tx) => step(tx, m, new Date()));
    } catch (err) {
      if (err instanceof AppError) await this.record(actor, user, `mdt.meeting.${action}`, id, err.code);
      throw err;
    }
    await this.record(actor, user, `mdt.meeting.${action}`, id, 'ok');
    this.changed(id);
    const after = await this.view(actor, id);
    if (after.status === 'ended') this.closeRoom(id);
    return after;
  }

  /** The first queued case becomes current and its consultation starts; false when none is queued. */
  private async makeCurrent(tx: Tx, m: MeetingRow, now: Date): Promise<boolean> {
    const next = await tx.mdtCase.findFirst({ where: { meetingId: m.id, status: 'queued' }, orderBy: { position: 'asc' } });
    if (!next) return false;
    await tx.mdtCase.update({ where: { id: next.id }, data: { status: 'current', startedAt: now } });
    await tx.consultation.updateMany({ where: { id: next.consultationId, status: 'waiting' }, data: { status: 'active', startedAt: now } });
    return true;
  }

  private async view(actor: MdtActor, id: string): Promise<MdtMeetingView> {
    return meetingView(this.prisma, actor, await this.load(this.prisma, id), new Date());
  }

  private async load(db: Prisma | Tx, id: string): Promise<MeetingRow> {
    const m = await db.mdtMeeting.findUnique({ where: { id }, include: meetingInclude });
    if (!m) throw notFound('MDT sitting');
    return m;
  }

  private record(actor: MdtActor, user: AccessClaims, action: string, meetingId: string, outcome: string): Promise<void> {
    return this.audit.record({ action, outcome, actorId: actor.id, actorRole: user.role, institutionId: user.inst, entityType: 'MdtMeeting', entityId: meetingId });
  }
}
