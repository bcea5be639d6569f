import type { Role } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import type { Logger } from '../../lib/logger';

export interface AuditEntry {
  action: string;
  outcome: string;
  actorId?: string | undefined;
  actorRole?: Role | undefined;
  institutionId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  hisPatientId?: string | undefined;
  consultationId?: string | undefined;
  requestId?: string | undefined;
  ip?: string | undefined;
  detail?: Record<string, unknown> | undefined;
}

export interface AuditQuery {
  actorId?: string | undefined;
  hisPatientId?: string | undefined;
  consultationId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
}

/**
 * The audit trail (PIPL / MLPS 2.0): who did what to which record, when, with what outcome.
 * Denials are recorded as well as successes. Writing never throws into the caller's flow; a failed
 * write is logged loudly instead.
 */
export class AuditLog {
  constructor(
    private readonly prisma: Prisma,
    private readonly log: Logger,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    try {
      await this.prisma.auditEvent.create({
        data: {
          action: entry.action,
          outcome: entry.outcome,
          actorId: entry.actorId ?? null,
          actorRole: entry.actorRole ?? null,
          institutionId: entry.institutionId ?? null,
          entityType: entry.entityType ?? null,
          entityId: entry.entityId ?? null,
          hisPatientId: entry.hisPatientId ?? null,
          consultationId: entry.consultationId ?? null,
          requestId: entry.requestId ?? null,
          ip: entry.ip ?? null,
          ...(entry.detail ? { detail: entry.detail as object } : {}),
        },
      });
    } catch (err) {
      this.log.error({ err, action: entry.action, actorId: entry.actorId }, 'audit write failed');
    }
  }

  async query(q: AuditQuery) {
    return this.prisma.auditEvent.findMany({
      where: {
        ...(q.actorId ? { actorId: q.actorId } : {}),
        ...(q.hisPatientId ? { hisPatientId: q.hisPatientId } : {}),
        ...(q.consultationId ? { consultationId: q.consultationId } : {}),
        ...(q.action ? { action: { startsWith: q.action } } : {}),
        ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) } } : {}),
      },
      orderBy: { at: 'desc' },
      take: q.limit,
    });
  }
}
