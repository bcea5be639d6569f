import type { Prisma } from '../../db/database';
import type { AccessSessions } from '../auth/access-sessions';
import type { AuditLog } from '../audit/audit-log';
import { InstitutionAdmin } from './institution-admin';
import { UserAdmin } from './user-admin';

/** The administrator's desk: accounts and institutions. */
export interface Admin {
  users: UserAdmin;
  institutions: InstitutionAdmin;
}

export function createAdmin(d: { prisma: Prisma; audit: AuditLog; sessions: AccessSessions }): Admin {
  return { users: new UserAdmin(d.prisma, d.audit, d.sessions), institutions: new InstitutionAdmin(d.prisma, d.audit) };
}
