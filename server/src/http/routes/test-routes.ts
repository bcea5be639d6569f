import { Router } from 'express';
import { IdParamsSchema } from '@cloudclinic/shared';
import { notFound } from '../../lib/errors';
import type { RoomRegistry } from '../../media/room-registry';
import { handle } from '../handler';
import { requireRole } from '../middleware/auth';

/**
 * Fault injection for end-to-end tests; mounted only when NODE_ENV=test, and for admins only.
 * Kills the SFU worker process that carries a consultation's room, as a crash would.
 */
export function testRoutes(rooms: RoomRegistry): Router {
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
  return r;
}
