import type { AuditPage, AuditQueryParams } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';

/**
 * The admin's view of the audit trail: the filters combined with AND, newest first, one page, the
 * total that matches, and each actor's login name (looked up once per page).
 */
export async function searchAudit(prisma: Prisma, q: AuditQueryParams): Promise<AuditPage> {
  const actor = q.actor ? await prisma.user.findUnique({ where: { username: q.actor }, select: { id: true } }) : null;
  if (q.actor && !actor) return { events: [], total: 0, offset: q.offset, limit: q.limit };
  const actorIds = [q.actorId, actor?.id].filter((id): id is string => Boolean(id));
  // Two different actors asked for at once match nothing.
  if (new Set(actorIds).size > 1) return { events: [], total: 0, offset: q.offset, limit: q.limit };
  const where = {
    ...(actorIds[0] ? { actorId: actorIds[0] } : {}),
    ...(q.hisPatientId ? { hisPatientId: q.hisPatientId } : {}),
    ...(q.consultationId ? { consultationId: q.consultationId } : {}),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.outcome ? { outcome: q.outcome } : {}),
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: q.offset, take: q.limit }),
    prisma.auditEvent.count({ where }),
  ]);
  const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const users = ids.length ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } }) : [];
  const usernames = new Map(users.map((u) => [u.id, u.username]));
  const events = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorUsername: r.actorId ? (usernames.get(r.actorId) ?? null) : null,
    actorRole: r.actorRole,
    institutionId: r.institutionId,
    action: r.action,
    outcome: r.outcome,
    entityType: r.entityType,
    entityId: r.entityId,
    hisPatientId: r.hisPatientId,
    consultationId: r.consultationId,
    requestId: r.requestId,
    ip: r.ip,
  }));
  return { events, total, offset: q.offset, limit: q.limit };
}
