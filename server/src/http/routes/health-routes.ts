import { Router } from 'express';
import type { HealthResponse } from '@cloudclinic/shared';
import { handle } from '../handler';

export interface HealthProbe {
  version: string;
  startedAt: number;
  database(): Promise<{ ok: boolean; kind: 'pglite' | 'postgres' }>;
  sfu(): { workers: number; liveWorkers: number; rooms: number };
  integrations(): HealthResponse['integrations'];
}

export function healthRoutes(probe: HealthProbe): Router {
  const r = Router();
  r.get(
    '/',
    handle({}, async ({ res }) => {
      const database = await probe.database();
      const sfu = probe.sfu();
      const ok = database.ok && sfu.liveWorkers > 0;
      const body: HealthResponse = {
        status: ok ? 'ok' : 'degraded',
        version: probe.version,
        uptimeSeconds: Math.round((Date.now() - probe.startedAt) / 1000),
        database,
        sfu,
        integrations: probe.integrations(),
      };
      res.status(ok ? 200 : 503);
      return body;
    }),
  );
  return r;
}
