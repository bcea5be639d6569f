import type { Config } from '../../config/config';
import type { Database } from '../../db/database';
import type { HealthProbe } from '../../http/routes/health-routes';
import { bearerToken } from '../../http/middleware/auth';
import { Reachability, httpProbe } from '../../integrations/reachability';
import { redactedUrl } from '../../lib/redacted-url';
import type { Media } from '../../media/create-media';
import type { AccessSessions } from '../auth/access-sessions';
import type { EventBus } from '../events/event-bus';
import type { Imaging } from '../imaging/create-imaging';

export const VERSION = '0.1.0';

/** What `GET /api/health` reports: the database, the SFU and media path, the outside systems. */
export function createHealth(d: { config: Config; db: Database; media: Media; sessions: AccessSessions; events: EventBus; imaging: Imaging }): HealthProbe {
  const { config, db, media, imaging } = d;
  const hisReachability = config.HIS_FHIR_BASE_URL ? new Reachability(httpProbe(`${config.HIS_FHIR_BASE_URL.replace(/\/+$/, '')}/metadata`)) : null;
  const startedAt = Date.now();
  return {
    version: VERSION,
    startedAt,
    async database() {
      try {
        await db.prisma.$queryRaw`SELECT 1`;
        return { ok: true, kind: db.kind };
      } catch {
        return { ok: false, kind: db.kind };
      }
    },
    sfu: () => ({ workers: media.pool.size, liveWorkers: media.pool.liveCount, rooms: media.rooms.size }),
    media: () => media.mediaHealth.current(),
    draining: () => media.rooms.draining,
    async isAdmin(req) {
      const token = bearerToken(req.header('authorization'));
      if (!token) return false;
      return d.sessions.verify(token).then(
        (v) => v.auth.role === 'admin',
        () => false,
      );
    },
    integrations: () => ({
      his: { configured: Boolean(config.HIS_FHIR_BASE_URL), url: config.HIS_FHIR_BASE_URL ?? null, reachable: hisReachability?.current() ?? null },
      pacs: { configured: Boolean(config.PACS_DICOMWEB_URL), url: imaging.pacs?.displayUrl ?? null, reachable: imaging.pacs?.reachability.current() ?? null },
      turn: { configured: Boolean(config.TURN_URLS && config.TURN_SECRET), url: config.TURN_URLS ?? null, reachable: null },
      redis: { configured: Boolean(config.REDIS_URL), url: config.REDIS_URL ? redactedUrl(config.REDIS_URL) : null, reachable: d.events.reachable() },
    }),
  };
}
