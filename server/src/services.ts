import type { Router } from 'express';
import type { Config } from './config/config';
import type { Database, Prisma } from './db/database';
import type { HealthProbe } from './http/routes/health-routes';
import type { Logger } from './lib/logger';
import type { WorkerPool } from './media/worker-pool';
import { AuditLog } from './modules/audit/audit-log';
import { AuthService } from './modules/auth/auth-service';
import { createTokenSigner, type TokenSigner } from './modules/auth/tokens';

export interface RouteMount {
  path: string;
  router: Router;
}

/** Everything the edges (HTTP, socket.io) need, built once per process (or per test). */
export interface Services {
  config: Config;
  log: Logger;
  prisma: Prisma;
  signer: TokenSigner;
  audit: AuditLog;
  auth: AuthService;
  health: HealthProbe;
  pool: WorkerPool;
  /** Feature routers mounted under /api behind authentication. */
  routes: RouteMount[];
}

export const VERSION = '0.1.0';

export function createServices(config: Config, log: Logger, db: Database, pool: WorkerPool): Services {
  const prisma = db.prisma;
  const signer = createTokenSigner(config.jwtSecret, config.ACCESS_TOKEN_TTL_SECONDS);
  const audit = new AuditLog(prisma, log.child({ module: 'audit' }));
  const auth = new AuthService(
    prisma,
    signer,
    { refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS, maxFailures: config.LOGIN_MAX_FAILURES, lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS },
    audit,
  );
  const startedAt = Date.now();
  const health: HealthProbe = {
    version: VERSION,
    startedAt,
    async database() {
      try {
        await prisma.$queryRaw`SELECT 1`;
        return { ok: true, kind: db.kind };
      } catch {
        return { ok: false, kind: db.kind };
      }
    },
    sfu: () => ({ workers: pool.size, liveWorkers: pool.liveCount, rooms: 0 }),
    integrations: () => ({
      his: { configured: Boolean(config.HIS_FHIR_BASE_URL), url: config.HIS_FHIR_BASE_URL ?? null },
      pacs: { configured: Boolean(config.PACS_DICOMWEB_URL), url: config.PACS_DICOMWEB_URL ?? null },
      turn: { configured: Boolean(config.TURN_URLS && config.TURN_SECRET), url: config.TURN_URLS ?? null },
    }),
  };
  return { config, log, prisma, signer, audit, auth, health, pool, routes: [] };
}
