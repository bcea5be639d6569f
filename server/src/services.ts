import type { Router } from 'express';
import type { Config } from './config/config';
import type { Database, Prisma } from './db/database';
import type { HealthProbe } from './http/routes/health-routes';
import type { Logger } from './lib/logger';
import { parseTurnSettings, type TurnSettings } from './media/ice-servers';
import { RoomRegistry } from './media/room-registry';
import { MediaHealth } from './media/media-health';
import { registerMediaCheckHandlers } from './realtime/media-check-handlers';
import type { WorkerPool } from './media/worker-pool';
import type { Dispatcher } from './realtime/dispatcher';
import type { AppSocket } from './realtime/socket-server';
import { ConsultationAccess } from './modules/consultations/consultation-access';
import { ConsultationService } from './modules/consultations/consultation-service';
import { ConsultationOpening } from './modules/consultations/consultation-opening';
import { ConsultationRequests } from './modules/consultations/consultation-requests';
import { RequestAttachments } from './modules/consultations/request-attachments';
import { RequestScheduling } from './modules/consultations/request-scheduling';
import { PatientIdentity } from './modules/records/patient-identity';
import { NoteService } from './modules/consultations/note-service';
import { QueueService } from './modules/clinic/queue-service';
import { ScheduleService } from './modules/clinic/schedule-service';
import type { EventBus } from './modules/events/event-bus';
import type { RoomPlacement } from './media/room-placement';
import type { RoomSpan } from './media/room-span';
import { registerClinicHandlers } from './realtime/clinic-handlers';
import { registerImagingHandlers } from './realtime/imaging-handlers';
import { FhirHisClient, type HisClient } from './integrations/his';
import { Reachability, httpProbe } from './integrations/reachability';
import { redactedUrl } from './lib/redacted-url';
import { Outbox } from './modules/outbox/outbox';
import { OutboxAdmin } from './modules/outbox/outbox-admin';
import { outboxRoutes } from './http/routes/outbox-routes';
import { RecordService } from './modules/records/record-service';
import { registerNoteWriteback } from './modules/records/note-writeback';
import { recordRoutes } from './http/routes/record-routes';
import { createImaging } from './modules/imaging/create-imaging';
import { imagingRoutes } from './http/routes/imaging-routes';
import { clinicRoutes } from './http/routes/clinic-routes';
import { consultationRoutes } from './http/routes/consultation-routes';
import { directoryRoutes } from './http/routes/directory-routes';
import { mfaAccountRoutes, mfaAdminRoutes } from './http/routes/mfa-routes';
import { testRoutes } from './http/routes/test-routes';
import { adminRoutes } from './http/routes/admin-routes';
import { InstitutionAdmin } from './modules/admin/institution-admin';
import { UserAdmin } from './modules/admin/user-admin';
import { AuditLog } from './modules/audit/audit-log';
import { bearerToken } from './http/middleware/auth';
import { createAbuseLimits, type AbuseLimits } from './http/middleware/abuse-limits';
import { RateLimitStore } from './lib/rate-limit-store';
import { createMfa, type Mfa } from './modules/auth/mfa/create-mfa';
import type { MfaLogin } from './modules/auth/mfa/mfa-login';
import { AccessSessions } from './modules/auth/access-sessions';
import { AuthService } from './modules/auth/auth-service';
import { createTokenSigner, type TokenSigner } from './modules/auth/tokens';
import { createPrescriptions, type Prescriptions } from './modules/prescriptions/create-prescriptions';
import { prescriptionHis } from './modules/prescriptions/his-adapter';
import { prescriptionRoutes } from './http/routes/prescription-routes';
import { registerPrescriptionHandlers } from './realtime/prescription-handlers';
import { registerRequestHandlers } from './realtime/request-handlers';
import { createField, type Field } from './modules/field/create-field';
import { fieldRoutes } from './http/routes/field-routes';
import { createKiosk } from './modules/kiosk/create-kiosk';
import { kioskRoutes } from './http/routes/kiosk-routes';
import { createOpinions, type Opinions } from './modules/opinions/create-opinions';
import { opinionRoutes } from './http/routes/opinion-routes';
import { registerKioskHandlers } from './realtime/kiosk-handlers';
import { createReferrals, type Referrals } from './modules/referrals/create-referrals';
import { referralRoutes } from './http/routes/referral-routes';
import { createTracking } from './modules/tracking/create-tracking';
import { trackingRoutes } from './http/routes/tracking-routes';
import { createMdt, type Mdt } from './modules/mdt/create-mdt';
import { mdtRoutes } from './http/routes/mdt-routes';

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
  /** Access-token verification with the user and session looked up (cached for seconds). */
  sessions: AccessSessions;
  /** Counters of the abuse limits, in our database. */
  rateLimitStore: RateLimitStore;
  /** 429 + Retry-After chains for login, refresh, kiosk check-in and prescription signing. */
  limits: AbuseLimits;
  audit: AuditLog;
  auth: AuthService;
  /** TOTP second factor: the sign-in step, the user's own enrolment, the admin's reset. */
  mfa: Mfa & { signIn: MfaLogin };
  health: HealthProbe;
  pool: WorkerPool;
  mediaHealth: MediaHealth;
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
  /** 会诊意见: the experts' opinions and the jointly signed MDT opinion. */
  opinions: Opinions;
  /** 双向转诊: up-referrals with exam booking, down-referral follow-up plans. */
  referrals: Referrals;
  /** 多学科会诊: standing boards, the list of each sitting, the chair's moves, the sitting's room. */
  mdt: Mdt;
  /** Feature routers mounted under /api behind authentication. */
  routes: RouteMount[];
  /** Feature request handlers registered on every authenticated socket. */
  socketHandlers: ((socket: AppSocket, dispatcher: Dispatcher) => void)[];
}

export const VERSION = '0.1.0';

export function createServices(config: Config, log: Logger, db: Database, pool: WorkerPool, cluster: { events: EventBus; placement: RoomPlacement; span?: RoomSpan | null }): Services {
  const { events, placement } = cluster;
  const prisma = db.prisma;
  const signer = createTokenSigner(config.jwtSecret, config.ACCESS_TOKEN_TTL_SECONDS);
  const audit = new AuditLog(prisma, log.child({ module: 'audit' }));
  const lockoutSettings = { maxFailures: config.LOGIN_MAX_FAILURES, lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS };
  const mfaParts = createMfa({ prisma, audit, serverSecret: config.jwtSecret, requiredRoles: config.mfaRequiredRoles, lockout: lockoutSettings });
  const sessions = new AccessSessions(prisma, signer, config.AUTH_CACHE_TTL_MS, config.mfaRequiredRoles.filter((r) => mfaParts.policy.required(r)), events);
  const rateLimitStore = new RateLimitStore(prisma, log.child({ module: 'rate-limit' }));
  const limits = createAbuseLimits(rateLimitStore, {
    loginFailuresPerIp: config.RATE_LIMIT_LOGIN_FAILURES_PER_IP,
    loginFailuresPerUser: config.RATE_LIMIT_LOGIN_FAILURES_PER_USER,
    refreshPerIp: config.RATE_LIMIT_REFRESH_PER_IP,
    checkInPerMinute: config.RATE_LIMIT_CHECKIN_PER_MINUTE,
    signingPerMinute: config.RATE_LIMIT_SIGNING_PER_MINUTE,
  });
  const auth = new AuthService(
    prisma,
    signer,
    { refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS, ...lockoutSettings },
    audit,
    sessions,
    mfaParts.gate,
  );
  const mfa = { ...mfaParts, signIn: mfaParts.login(auth) };
  const rooms = new RoomRegistry(pool, log.child({ module: 'rooms' }), placement, cluster.span ?? null);
  const mediaHealth = new MediaHealth(pool, log.child({ module: 'sfu' }));
  const access = new ConsultationAccess(prisma);
  const turn = parseTurnSettings(config.TURN_URLS, config.TURN_SECRET, config.TURN_TTL_SECONDS, config.TURN_RELAY_ONLY);
  const his: HisClient | null = config.HIS_FHIR_BASE_URL
    ? new FhirHisClient({ baseUrl: config.HIS_FHIR_BASE_URL, timeoutMs: config.HIS_TIMEOUT_MS, breaker: { cooldownMs: config.HIS_BREAKER_COOLDOWN_MS }, ...(config.HIS_FHIR_TOKEN ? { token: config.HIS_FHIR_TOKEN } : {}) })
    : null;
  const outbox = new Outbox(prisma, log.child({ module: 'outbox' }), { pollMs: config.OUTBOX_POLL_MS });
  if (his) registerNoteWriteback(outbox, his);
  const records = new RecordService(his, access, audit);
  const notes = new NoteService(prisma, access, audit);
  const consultations = new ConsultationService(prisma, access, notes, audit, events, (id) => rooms.get(id)?.close('consultation_ended'), outbox);
  const identity = new PatientIdentity(his);
  const opening = new ConsultationOpening(prisma, identity, audit, events);
  const schedule = new ScheduleService(prisma, audit, events, identity);
  const queue = new QueueService(prisma, audit, events, consultations);
  const imaging = createImaging(config.PACS_DICOMWEB_URL, access, audit, log.child({ module: 'imaging' }));
  const attachments = new RequestAttachments(imaging.pacs, his);
  const consultationRequests = new ConsultationRequests(prisma, identity, attachments, audit, events);
  const requestScheduling = new RequestScheduling(prisma, consultationRequests, opening, audit, events);
  const routes: RouteMount[] = [
    { path: '/', router: clinicRoutes(schedule, queue, limits) },
    { path: '/consultations', router: consultationRoutes({ consultations, opening, requests: consultationRequests, scheduling: requestScheduling, notes }) },
    { path: '/consultations', router: recordRoutes(records) },
    { path: '/directory', router: directoryRoutes(prisma) },
    { path: '/account/mfa', router: mfaAccountRoutes(mfa.account, limits) },
    { path: '/users', router: mfaAdminRoutes(mfa.account) },
    { path: '/admin/outbox', router: outboxRoutes(new OutboxAdmin(prisma, audit)) },
    { path: '/admin', router: adminRoutes(new UserAdmin(prisma, audit, sessions), new InstitutionAdmin(prisma, audit)) },
  ];
  if (config.NODE_ENV === 'test') routes.push({ path: '/test', router: testRoutes(rooms, prisma) });
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
  routes.push({ path: '/', router: prescriptionRoutes(prescriptions, limits) });
  const opinions = createOpinions({ prisma, consultationAccess: access, audit, outbox, keys: prescriptions.keys, his });
  routes.push({ path: '/', router: opinionRoutes(opinions, limits) });
  const referrals = createReferrals({ prisma, consultationAccess: access, audit, outbox, his, attachments });
  routes.push({ path: '/', router: referralRoutes(referrals) });
  routes.push({ path: '/', router: trackingRoutes(createTracking({ prisma })) });
  const mdt = createMdt({ prisma, identity, audit, closeRoom: (id) => rooms.get(id)?.close('consultation_ended') });
  routes.push({ path: '/', router: mdtRoutes(mdt) });
  const field = createField({ prisma, access, audit, events, outbox, his, secret: config.jwtSecret });
  routes.push({ path: '/', router: fieldRoutes(field, config.publicUrl) });
  const kiosk = createKiosk({ prisma, audit, events });
  routes.push({ path: '/', router: kioskRoutes(kiosk, limits) });
  const hisReachability = config.HIS_FHIR_BASE_URL ? new Reachability(httpProbe(`${config.HIS_FHIR_BASE_URL.replace(/\/+$/, '')}/metadata`)) : null;
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
    media: () => mediaHealth.current(),
    draining: () => rooms.draining,
    async isAdmin(req) {
      const token = bearerToken(req.header('authorization'));
      if (!token) return false;
      return sessions.verify(token).then(
        (v) => v.auth.role === 'admin',
        () => false,
      );
    },
    integrations: () => ({
      his: { configured: Boolean(config.HIS_FHIR_BASE_URL), url: config.HIS_FHIR_BASE_URL ?? null, reachable: hisReachability?.current() ?? null },
      pacs: { configured: Boolean(config.PACS_DICOMWEB_URL), url: imaging.pacs?.displayUrl ?? null, reachable: imaging.pacs?.reachability.current() ?? null },
      turn: { configured: Boolean(config.TURN_URLS && config.TURN_SECRET), url: config.TURN_URLS ?? null, reachable: null },
      redis: { configured: Boolean(config.REDIS_URL), url: config.REDIS_URL ? redactedUrl(config.REDIS_URL) : null, reachable: events.reachable() },
    }),
  };
  return {
    config,
    log,
    prisma,
    signer,
    sessions,
    rateLimitStore,
    limits,
    audit,
    auth,
    mfa,
    health,
    pool,
    mediaHealth,
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
    opinions,
    referrals,
    mdt,
    routes,
    socketHandlers: [
      (socket, dispatcher) => registerClinicHandlers(socket, dispatcher, queue),
      (socket, dispatcher) => registerMediaCheckHandlers(socket, dispatcher, { pool, turn }),
      (socket, dispatcher) => registerImagingHandlers(socket, dispatcher, { access, viewing: imaging.viewing }),
      (socket, dispatcher) => registerPrescriptionHandlers(socket, dispatcher, prescriptions, events, log.child({ module: 'prescription-push' })),
      (socket, dispatcher) => registerKioskHandlers(socket, dispatcher, kiosk, events),
      (socket, dispatcher) => registerRequestHandlers(socket, dispatcher, consultationRequests, events, log.child({ module: 'request-push' })),
    ],
  };
}
