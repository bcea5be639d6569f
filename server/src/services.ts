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
import { registerImagingHandlers } from './realtime/imaging-handlers';
import { FhirHisClient, type HisClient } from './integrations/his';
import { Outbox } from './modules/outbox/outbox';
import { RecordService } from './modules/records/record-service';
import { registerNoteWriteback } from './modules/records/note-writeback';
import { recordRoutes } from './http/routes/record-routes';
import { createImaging } from './modules/imaging/create-imaging';
import { imagingRoutes } from './http/routes/imaging-routes';
import { clinicRoutes } from './http/routes/clinic-routes';
import { consultationRoutes } from './http/routes/consultation-routes';
import { directoryRoutes } from './http/routes/directory-routes';
import { testRoutes } from './http/routes/test-routes';
import { AuditLog } from './modules/audit/audit-log';
import { AuthService } from './modules/auth/auth-service';
import { createTokenSigner, type TokenSigner } from './modules/auth/tokens';
import { createPrescriptions, type Prescriptions } from './modules/prescriptions/create-prescriptions';
import { prescriptionHis } from './modules/prescriptions/his-adapter';
import { prescriptionRoutes } from './http/routes/prescription-routes';
import { registerPrescriptionHandlers } from './realtime/prescription-handlers';
import { createField, type Field } from './modules/field/create-field';
import { fieldRoutes } from './http/routes/field-routes';

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
  his: HisClient | null;
  outbox: Outbox;
  records: RecordService;
  schedule: ScheduleService;
  queue: QueueService;
  consultations: ConsultationService;
  notes: NoteService;
  /** Online prescriptions: pad, safety checks, signature, review, dispensing. */
  prescriptions: Prescriptions;
  /** Field medicine: invitations, ambulance consultations, vitals in the record, attachments. */
  field: Field;
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
  const his: HisClient | null = config.HIS_FHIR_BASE_URL
    ? new FhirHisClient({ baseUrl: config.HIS_FHIR_BASE_URL, timeoutMs: config.HIS_TIMEOUT_MS, breaker: { cooldownMs: config.HIS_BREAKER_COOLDOWN_MS }, ...(config.HIS_FHIR_TOKEN ? { token: config.HIS_FHIR_TOKEN } : {}) })
    : null;
  const outbox = new Outbox(prisma, log.child({ module: 'outbox' }), { pollMs: config.OUTBOX_POLL_MS });
  if (his) registerNoteWriteback(outbox, his);
  const records = new RecordService(his, access, audit);
  const notes = new NoteService(prisma, access, audit);
  const consultations = new ConsultationService(prisma, access, notes, audit, events, (id) => rooms.get(id)?.close('consultation_ended'), outbox);
  const schedule = new ScheduleService(prisma, audit, events);
  const queue = new QueueService(prisma, audit, events, consultations);
  const routes: RouteMount[] = [
    { path: '/', router: clinicRoutes(schedule, queue) },
    { path: '/consultations', router: consultationRoutes(consultations, notes) },
    { path: '/consultations', router: recordRoutes(records) },
    { path: '/directory', router: directoryRoutes(prisma) },
  ];
  if (config.NODE_ENV === 'test') routes.push({ path: '/test', router: testRoutes(rooms) });
  const imaging = createImaging(config.PACS_DICOMWEB_URL, access, audit, log.child({ module: 'imaging' }));
  routes.push({ path: '/dicomweb', router: imagingRoutes(imaging.pacs, imaging.access, log.child({ module: 'dicomweb' })) });
  const prescriptions = createPrescriptions({
    prisma,
    consultationAccess: access,
    audit,
    events,
    outbox,
    his: his instanceof FhirHisClient ? prescriptionHis(his) : null,
    log: log.child({ module: 'prescriptions' }),
  });
  routes.push({ path: '/', router: prescriptionRoutes(prescriptions) });
  const field = createField({ prisma, access, audit, events, outbox, his, secret: config.jwtSecret });
  routes.push({ path: '/', router: fieldRoutes(field) });
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
      pacs: { configured: Boolean(config.PACS_DICOMWEB_URL), url: imaging.pacs?.displayUrl ?? null },
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
    his,
    outbox,
    records,
    schedule,
    queue,
    consultations,
    notes,
    prescriptions,
    field,
    routes,
    socketHandlers: [
      (socket, dispatcher) => registerClinicHandlers(socket, dispatcher, queue),
      (socket, dispatcher) => registerImagingHandlers(socket, dispatcher, { access, viewing: imaging.viewing }),
      (socket, dispatcher) => registerPrescriptionHandlers(socket, dispatcher, prescriptions, events, log.child({ module: 'prescription-push' })),
    ],
  };
}
