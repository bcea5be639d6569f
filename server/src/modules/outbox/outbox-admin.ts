import type { AccessClaims, OutboxJobList, OutboxJobView, OutboxStatus } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { forbidden, invalidState, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { RequestMeta } from '../auth/auth-service';

const PAGE = 100;

/** The administrator's view of the outbox: what is waiting or was set aside, and a retry of the latter. */
export class OutboxAdmin {
  constructor(
    private readonly prisma: Prisma,
    private readonly audit: AuditLog,
  ) {}

  async list(me: AccessClaims, status: OutboxStatus): Promise<OutboxJobList> {
    if (me.role !== 'admin') throw forbidden('Only an administrator may read the outbox');
    const [rows, total] = await Promise.all([
      this.prisma.outboxJob.findMany({ where: { status }, orderBy: { createdAt: 'desc' }, take: PAGE }),
      this.prisma.outboxJob.count({ where: { status } }),
    ]);
    return { jobs: rows.map(toView), total };
  }

  /** A failed job goes back to the queue with a fresh count of attempts; any other state is 409. */
  async retry(me: AccessClaims, id: string, meta: RequestMeta): Promise<OutboxJobView> {
    if (me.role !== 'admin') throw forbidden('Only an administrator may retry an outbox job');
    const job = await this.prisma.outboxJob.findUnique({ where: { id } });
    if (!job) throw notFound('Outbox job');
    const reset = await this.prisma.outboxJob.updateMany({
      where: { id, status: 'failed' },
      data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseOwner: null, leaseUntil: null },
    });
    if (reset.count !== 1) throw invalidState(`Only a failed job can be retried; this one is ${job.status}`);
    await this.audit.record({ actorId: me.sub, actorRole: me.role, institutionId: me.inst, ...meta, action: 'outbox.retry', outcome: 'ok', entityType: 'OutboxJob', entityId: id });
    return toView(await this.prisma.outboxJob.findUniqueOrThrow({ where: { id } }));
  }
}

function toView(j: { id: string; kind: string; status: OutboxStatus; attempts: number; lastError: string | null; createdAt: Date; nextAttemptAt: Date; doneAt: Date | null }): OutboxJobView {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    attempts: j.attempts,
    lastError: j.lastError,
    createdAt: j.createdAt.toISOString(),
    nextAttemptAt: j.nextAttemptAt.toISOString(),
    doneAt: j.doneAt?.toISOString() ?? null,
  };
}
