import { CreateMdtBoardBodySchema, type AccessClaims, type CreateMdtBoardBody, type MdtBoardView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, badRequest } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { loadMdtActor } from './mdt-actor';
import { MdtPolicy } from './mdt-policy';
import { boardViews } from './mdt-views';

/** Standing MDT boards: the coordinator creates one (slot, chair, members); the participants list theirs. */
export class MdtBoards {
  constructor(
    private readonly prisma: Prisma,
    private readonly audit: AuditLog,
  ) {}

  async create(user: AccessClaims, input: CreateMdtBoardBody): Promise<MdtBoardView> {
    const body = CreateMdtBoardBodySchema.parse(input);
    const actor = await loadMdtActor(this.prisma, user);
    try {
      MdtPolicy.assertMayCreateBoard(actor);
    } catch (err) {
      if (err instanceof AppError) await this.audit.record({ action: 'mdt.board.create', outcome: err.code, actorId: user.sub, actorRole: user.role, institutionId: user.inst });
      throw err;
    }
    const memberIds = body.memberIds.filter((id) => id !== body.chairId);
    const experts = await this.prisma.user.findMany({ where: { id: { in: [body.chairId, ...memberIds] }, role: 'expert', disabled: false }, select: { id: true } });
    if (!experts.some((e) => e.id === body.chairId)) throw badRequest('chairId must name an active expert');
    if (experts.length !== memberIds.length + 1) throw badRequest('memberIds must name active experts');
    let institutionId = actor.institutionId;
    if (body.departmentId) {
      const dept = await this.prisma.department.findUnique({ where: { id: body.departmentId }, include: { institution: true } });
      if (!dept || dept.institution.kind !== 'provincial_hospital') throw badRequest('departmentId is not a provincial department');
      institutionId = dept.institutionId;
    }
    const row = await this.prisma.mdtBoard.create({
      data: {
        title: body.title,
        institutionId,
        departmentId: body.departmentId ?? null,
        weekday: body.weekday,
        startTime: body.startTime,
        caseMinutes: body.caseMinutes,
        chairId: body.chairId,
        memberIds,
        createdById: actor.id,
      },
    });
    await this.audit.record({ action: 'mdt.board.create', outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'MdtBoard', entityId: row.id });
    const [view] = await boardViews(this.prisma, [row]);
    if (!view) throw new Error('board view missing');
    return view;
  }

  async list(user: AccessClaims): Promise<MdtBoardView[]> {
    const actor = await loadMdtActor(this.prisma, user);
    const rows = await this.prisma.mdtBoard.findMany({ where: MdtPolicy.visibleBoards(actor), orderBy: [{ weekday: 'asc' }, { startTime: 'asc' }, { createdAt: 'asc' }], take: 200 });
    return boardViews(this.prisma, rows);
  }
}
