import type { Prisma } from '../../db/database';
import type { Logger } from '../../lib/logger';
import type { AuditLog } from '../audit/audit-log';
import { Outbox } from './outbox';
import { OutboxAdmin } from './outbox-admin';

/** Writes to outside systems, delivered after the commit by claimed jobs; the admin's view of the dead letters. */
export interface OutboxModule {
  outbox: Outbox;
  admin: OutboxAdmin;
}

export function createOutbox(d: { prisma: Prisma; audit: AuditLog; log: Logger; pollMs: number }): OutboxModule {
  return { outbox: new Outbox(d.prisma, d.log, { pollMs: d.pollMs }), admin: new OutboxAdmin(d.prisma, d.audit) };
}
