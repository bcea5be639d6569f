import type { MdtBoardView, MdtCaseView, MdtMeetingView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import type { Prisma as Db } from '../../generated/prisma/client';
import { MdtPolicy, type MdtActor, type MeetingFacts } from './mdt-policy';

export const meetingInclude = { board: true, cases: { orderBy: { position: 'asc' } } } as const;
export type BoardRow = Db.MdtBoardGetPayload<object>;
export type MeetingRow = Db.MdtMeetingGetPayload<{ include: typeof meetingInclude }>;

export function meetingFacts(m: MeetingRow): MeetingFacts {
  return { chairId: m.board.chairId, memberIds: m.board.memberIds, status: m.status, caseInstitutionIds: [...new Set(m.cases.map((c) => c.institutionId))] };
}

/** Boards as views: names of the institution, department, chair and members looked up in one go each. */
export async function boardViews(prisma: Prisma, rows: readonly BoardRow[]): Promise<MdtBoardView[]> {
  const userIds = [...new Set(rows.flatMap((b) => [b.chairId, ...b.memberIds]))];
  const [users, institutions, departments] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }),
    prisma.institution.findMany({ where: { id: { in: [...new Set(rows.map((b) => b.institutionId))] } }, select: { id: true, name: true } }),
    prisma.department.findMany({ where: { id: { in: rows.flatMap((b) => (b.departmentId ? [b.departmentId] : [])) } }, select: { id: true, name: true } }),
  ]);
  const person = (id: string) => ({ id, displayName: users.find((u) => u.id === id)?.displayName ?? '' });
  return rows.map((b) => ({
    id: b.id,
    title: b.title,
    institution: institutions.find((i) => i.id === b.institutionId) ?? { id: b.institutionId, name: '' },
    department: departments.find((d) => d.id === b.departmentId) ?? null,
    weekday: b.weekday,
    startTime: b.startTime,
    caseMinutes: b.caseMinutes,
    chair: person(b.chairId),
    members: b.memberIds.map(person),
  }));
}

/** A sitting as this actor sees it: another county's case only as its place and time box. */
export async function meetingView(prisma: Prisma, actor: MdtActor, m: MeetingRow, now: Date): Promise<MdtMeetingView> {
  const [board] = await boardViews(prisma, [m.board]);
  const institutions = await prisma.institution.findMany({ where: { id: { in: [...new Set(m.cases.map((c) => c.institutionId))] } }, select: { id: true, name: true } });
  const cases: MdtCaseView[] = m.cases.map((c) => {
    const restricted = MdtPolicy.restricted(actor, c);
    return {
      id: c.id,
      position: c.position,
      status: c.status,
      minutes: c.minutes,
      startedAt: c.startedAt?.toISOString() ?? null,
      doneAt: c.doneAt?.toISOString() ?? null,
      institution: institutions.find((i) => i.id === c.institutionId) ?? { id: c.institutionId, name: '' },
      restricted,
      patientLabel: restricted ? null : c.patientLabel,
      hisPatientId: restricted ? null : c.hisPatientId,
      summary: restricted ? null : c.summary,
      question: restricted ? null : c.question,
      consultationId: restricted ? null : c.consultationId,
    };
  });
  if (!board) throw new Error('board view missing');
  return {
    id: m.id,
    date: m.date,
    status: m.status,
    revision: m.revision,
    startedAt: m.startedAt?.toISOString() ?? null,
    board,
    cases,
    serverTime: now.toISOString(),
    actions: MdtPolicy.actions(actor, meetingFacts(m), m.cases),
  };
}
