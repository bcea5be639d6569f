import { Router, type Request } from 'express';
import type { HealthResponse } from '@cloudclinic/shared';
import { handle } from '../handler';

export interface HealthProbe {
  version: string;
  startedAt: number;
  database(): Promise<{ ok: boolean; kind: 'pglite' | 'postgres' }>;
  sfu(): { workers: number; liveWorkers: number; rooms: number };
  media(): Promise<HealthResponse['media']>;
  integrations(): NonNullable<HealthResponse['integrations']>;
  /** Several nodes: this node is stopping and moving its rooms away (the balancer should stop sending here). */
  draining(): boolean;
  /** Whether the caller carries an admin's valid access token (details are for admins only). */
  isAdmin(req: Request): Promise<boolean>;
}

/**
 * `GET /api/health`: 200 `ok` or 503 `degraded` for load balancers and the kiosk's check. Anyone sees
 * the status and the media path (the addresses every browser is told anyway); an admin also sees the
 * database, the SFU and the outside systems with their addresses.
 */
export function healthRoutes(probe: HealthProbe): Router {
  const r = Router();
  r.get(
    '/',
    handle({}, async ({ req, res }) => {
      const [database, admin] = await Promise.all([probe.database(), probe.isAdmin(req)]);
      const sfu = probe.sfu();
      const media = await probe.media();
      const integrations = probe.integrations();
      // Media counts once checked: a failed path is as bad as no worker. A configured system that
      // stopped answering (PACS, HIS) degrades too.
      const ok = database.ok && sfu.liveWorkers > 0 && media.selfTest?.ok !== false && Object.values(integrations).every((i) => i.reachable !== false);
      const body: HealthResponse = {
        status: ok ? 'ok' : 'degraded',
        version: probe.version,
        uptimeSeconds: Math.round((Date.now() - probe.startedAt) / 1000),
        media,
        ...(admin ? { database, sfu, integrations } : {}),
      };
      // Sent here: the status code depends on the answer.
      res.status(ok ? 200 : 503).json(body);
    }),
  );
  // For a load balancer in front of several nodes: can this node carry consultations (its database
  // and media path)? Outside systems shared by every node (HIS, PACS, Redis) are not its fault, and
  // taking every node out for them would stop the whole clinic. A draining node answers 503 at once.
  r.get(
    '/node',
    handle({}, async ({ res }) => {
      if (probe.draining()) {
        res.status(503).json({ status: 'draining' });
        return;
      }
      const database = await probe.database();
      const sfu = probe.sfu();
      const media = await probe.media();
      const ok = database.ok && sfu.liveWorkers > 0 && media.selfTest?.ok !== false;
      res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded' });
    }),
  );
  return r;
}
