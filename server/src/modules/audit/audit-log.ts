import type { AuditPage, AuditQueryParams, Role } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import type { Logger } from '../../lib/logger';
import { searchAudit } from './audit-search';

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

  /** One page of the trail for the admin's audit screen (see `searchAudit`). */
  search(q: AuditQueryParams): Promise<AuditPage> {
    return searchAudit(this.prisma, q);
  }
}
