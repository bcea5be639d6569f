import crypto from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { IdParamsSchema, InstitutionKindSchema, RoleSchema } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { hashPassword } from '../../modules/auth/password';
import { notFound } from '../../lib/errors';
import type { RoomRegistry } from '../../media/room-registry';
import { handle } from '../handler';
import { requireRole } from '../middleware/auth';

/**
 * Fault injection for end-to-end tests; mounted only when NODE_ENV=test, and for admins only.
 * Kills the SFU worker process that carries a consultation's room, as a crash would, or freezes it
 * (SIGSTOP) and thaws it (SIGCONT), as a hung media server would. Creates an account of its own for a
 * spec, so that what the spec does to it (a second factor) touches no other spec's sign-in, and an
 * institution of its own, so that renaming it changes no other spec's screens. Sets a write to the
 * HIS aside as failed, as many failed deliveries would.
 */
export function testRoutes(rooms: RoomRegistry, prisma: Prisma): Router {
  const r = Router();
  r.use(requireRole('admin'));
  r.post(
    '/rooms/:id/kill-worker',
    handle({ params: IdParamsSchema }, ({ params }) => {
      const room = rooms.get(params.id);
      if (!room) throw notFound('Room');
      const pid = room.worker.worker.pid;
      process.kill(pid, 'SIGKILL');
      return { killedPid: pid };
    }),
  );
  r.post(
    '/rooms/:id/freeze-worker',
    handle({ params: IdParamsSchema, body: z.object({ frozen: z.boolean() }) }, ({ params, body }) => {
      const room = rooms.get(params.id);
      if (!room) throw notFound('Room');
      const pid = room.worker.worker.pid;
      process.kill(pid, body.frozen ? 'SIGSTOP' : 'SIGCONT');
      return { pid, frozen: body.frozen };
    }),
  );
  r.post(
    '/outbox/failed',
    handle({ body: z.object({ lastError: z.string().min(1).max(200) }) }, async ({ body }) => {
      const job = await prisma.outboxJob.create({ data: { kind: 'test.set-aside', dedupeKey: `test-${crypto.randomUUID()}`, payload: {}, status: 'failed', attempts: 12, lastError: body.lastError } });
      return { id: job.id };
    }),
  );
  r.post(
    '/users',
    handle(
      { body: z.object({ username: z.string().regex(/^[a-z0-9.]{3,48}$/), password: z.string().min(8).max(64), role: RoleSchema, institutionCode: z.string().max(32), displayName: z.string().min(1).max(64) }) },
      async ({ body }) => {
        const inst = await prisma.institution.findUnique({ where: { code: body.institutionCode } });
        if (!inst) throw notFound('Institution');
        const user = await prisma.user.create({
          data: { username: body.username, displayName: body.displayName, role: body.role, institutionId: inst.id, passwordHash: await hashPassword(body.password) },
        });
        return { id: user.id, username: user.username };
      },
    ),
  );
  r.post(
    '/institutions',
    handle(
      { body: z.object({ code: z.string().regex(/^[a-z0-9]{3,32}$/), name: z.string().min(2).max(64), nameEn: z.string().min(2).max(128), kind: InstitutionKindSchema }), status: 201 },
      async ({ body }) => {
        const inst = await prisma.institution.create({ data: body });
        return { id: inst.id, code: inst.code };
      },
    ),
  );
  return r;
}
