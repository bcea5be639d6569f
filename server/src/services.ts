import type { Router } from 'express';
import type { Config } from './config/config';
import type { Database, Prisma } from './db/database';
import type { HealthProbe } from './http/routes/health-routes';
import type { Logger } from './lib/logger';
import { parseTurnSettings, type TurnSettings } from './media/ice-servers';
import { RoomRegistry } from './media/room-registry';
import type { WorkerPool } from './media/worker-pool';
import type { Dispatcher } from './realtime/dispatcher';
import type { AppSocket } from './realtime/socket-server';
import { ConsultationAccess } from './modules/consultations/consultation-access';
import { ConsultationService } from './modules/consultations/consultation-service';
import { NoteService } from './modules/consultations/note-service';
import { QueueService } from './modules/clinic/queue-service';
import { ScheduleService } from './modules/clinic/schedule-service';
import { LocalEventBus, type EventBus } from './modules/events/event-bus';
import { registerClinicHandlers } from './realtime/clinic-handlers';
import { clinicRoutes } from './http/routes/clinic-routes';
import { consultationRoutes } from './http/routes/consultation-routes';
import { directoryRoutes } from './http/routes/directory-routes';
import { testRoutes } from './http/routes/test-routes';
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
  rooms: RoomRegistry;
  access: ConsultationAccess;
  turn: TurnSettings | null;
  events: EventBus;
  schedule: ScheduleService;
  queue: QueueService;
  consultations: ConsultationService;
  notes: NoteService;
  /** Feature routers mounted under /api behind authentication. */
  routes: RouteMount[];
  /** Feature request handlers registered on every authenticated socket. */
  socketHandlers: ((socket: AppSocket, dispatcher: Dispatcher) => void)[];
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
  const rooms = new RoomRegistry(pool, log.child({ module: 'rooms' }));
  const access = new ConsultationAccess(prisma);
  const turn = parseTurnSettings(config.TURN_URLS, config.TURN_SECRET, config.TURN_TTL_SECONDS);
  const events = new LocalEventBus();
  const notes = new NoteService(prisma, access, audit);
  const consultations = new ConsultationService(prisma, access, notes, audit, events, (id) => rooms.get(id)?.close('consultation_ended'));
  const schedule = new ScheduleService(prisma, audit, events);
  const queue = new QueueService(prisma, audit, events, consultations);
  const routes: RouteMount[] = [
    { path: '/', router: clinicRoutes(schedule, queue) },
    { path: '/consultations', router: consultationRoutes(consultations, notes) },
    { path: '/directory', router: directoryRoutes(prisma) },
  ];
  if (config.NODE_ENV === 'test') routes.push({ path: '/test', router: testRoutes(rooms) });
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
    sfu: () => ({ workers: pool.size, liveWorkers: pool.liveCount, rooms: rooms.size }),
    integrations: () => ({
      his: { configured: Boolean(config.HIS_FHIR_BASE_URL), url: config.HIS_FHIR_BASE_URL ?? null },
      pacs: { configured: Boolean(config.PACS_DICOMWEB_URL), url: config.PACS_DICOMWEB_URL ?? null },
      turn: { configured: Boolean(config.TURN_URLS && config.TURN_SECRET), url: config.TURN_URLS ?? null },
    }),
  };
  return {
    config,
    log,
    prisma,
    signer,
    audit,
    auth,
    health,
    pool,
    rooms,
    access,
    turn,
    events,
    schedule,
    queue,
    consultations,
    notes,
    routes,
    socketHandlers: [(socket, dispatcher) => registerClinicHandlers(socket, dispatcher, queue)],
  };
}
