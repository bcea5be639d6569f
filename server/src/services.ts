import type { Config } from './config/config';
import type { Database, Prisma } from './db/database';
import type { HealthProbe } from './http/routes/health-routes';
import { createAbuseLimits, type AbuseLimits } from './http/middleware/abuse-limits';
import { FhirHisClient, type HisClient } from './integrations/his';
import { RateLimitStore } from './lib/rate-limit-store';
import type { Logger } from './lib/logger';
import { createMedia, type Media } from './media/create-media';
import type { RoomPlacement } from './media/room-placement';
import type { RoomSpan } from './media/room-span';
import type { WorkerPool } from './media/worker-pool';
import { createAdmin, type Admin } from './modules/admin/create-admin';
import { AuditLog } from './modules/audit/audit-log';
import { createAuth, type Auth } from './modules/auth/create-auth';
import { createClinic, type Clinic } from './modules/clinic/create-clinic';
import { ConsultationAccess } from './modules/consultations/consultation-access';
import { createConsultations, type Consultations } from './modules/consultations/create-consultations';
import type { EventBus } from './modules/events/event-bus';
import { createField, type Field } from './modules/field/create-field';
import { createHealth } from './modules/health/create-health';
import { createImaging, type Imaging } from './modules/imaging/create-imaging';
import type { SharedViewing } from './modules/imaging/shared-viewing';
import { createKiosk, type Kiosk } from './modules/kiosk/create-kiosk';
import { createMdt, type Mdt } from './modules/mdt/create-mdt';
import { createOpinions, type Opinions } from './modules/opinions/create-opinions';
import { createOutbox, type OutboxModule } from './modules/outbox/create-outbox';
import { createPrescriptions, type Prescriptions } from './modules/prescriptions/create-prescriptions';
import { prescriptionHis } from './modules/prescriptions/his-adapter';
import { createRecords, type Records } from './modules/records/create-records';
import { createReferrals, type Referrals } from './modules/referrals/create-referrals';
import { createTracking, type Tracking } from './modules/tracking/create-tracking';

/**
 * The modules of one process (or one test), built once and wired to each other. Nothing here
 * knows HTTP or socket.io: the route table (http/routes/index.ts) and the socket handler registry
 * (realtime/handlers/index.ts) are the only places where the edges are listed.
 */
export interface Services extends Auth, Media, Clinic, Consultations, Records {
  config: Config;
  log: Logger;
  prisma: Prisma;
  /** Counters of the abuse limits, in our database. */
  rateLimitStore: RateLimitStore;
  /** 429 + Retry-After chains for login, refresh, kiosk check-in and prescription signing. */
  limits: AbuseLimits;
  audit: AuditLog;
  health: HealthProbe;
  access: ConsultationAccess;
  events: EventBus;
  his: HisClient | null;
  outbox: OutboxModule['outbox'];
  outboxAdmin: OutboxModule['admin'];
  admin: Admin;
  imaging: Imaging;
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
  kiosk: Kiosk;
  tracking: Tracking;
}

export function createServices(config: Config, log: Logger, db: Database, pool: WorkerPool, cluster: { events: EventBus; placement: RoomPlacement; span?: RoomSpan | null; viewing?: SharedViewing | undefined }): Services {
  const { events, placement, span } = cluster;
  const prisma = db.prisma;
  const audit = new AuditLog(prisma, log.child({ module: 'audit' }));
  const authParts = createAuth({ config, prisma, audit, events });
  const rateLimitStore = new RateLimitStore(prisma, log.child({ module: 'rate-limit' }));
  const limits = createAbuseLimits(rateLimitStore, {
    loginFailuresPerIp: config.RATE_LIMIT_LOGIN_FAILURES_PER_IP,
    loginFailuresPerUser: config.RATE_LIMIT_LOGIN_FAILURES_PER_USER,
    refreshPerIp: config.RATE_LIMIT_REFRESH_PER_IP,
    checkInPerMinute: config.RATE_LIMIT_CHECKIN_PER_MINUTE,
    signingPerMinute: config.RATE_LIMIT_SIGNING_PER_MINUTE,
  });
  const media = createMedia({ config, log, pool, placement, span: span ?? null });
  const closeRoom = (id: string) => media.rooms.get(id)?.close('consultation_ended');
  const access = new ConsultationAccess(prisma);
  const his: HisClient | null = config.HIS_FHIR_BASE_URL
    ? new FhirHisClient({ baseUrl: config.HIS_FHIR_BASE_URL, timeoutMs: config.HIS_TIMEOUT_MS, breaker: { cooldownMs: config.HIS_BREAKER_COOLDOWN_MS }, ...(config.HIS_FHIR_TOKEN ? { token: config.HIS_FHIR_TOKEN } : {}) })
    : null;
  const outbox = createOutbox({ prisma, audit, log: log.child({ module: 'outbox' }), pollMs: config.OUTBOX_POLL_MS });
  const records = createRecords({ his, access, audit, outbox: outbox.outbox });
  const imaging = createImaging(config.PACS_DICOMWEB_URL, access, audit, log.child({ module: 'imaging' }), cluster.viewing);
  const consultations = createConsultations({ prisma, access, identity: records.identity, audit, events, outbox: outbox.outbox, his, pacs: imaging.pacs, closeRoom });
  const clinic = createClinic({ prisma, audit, events, identity: records.identity, consultations: consultations.consultations });
  const prescriptions = createPrescriptions({
    prisma,
    consultationAccess: access,
    audit,
    events,
    outbox: outbox.outbox,
    his: his instanceof FhirHisClient ? prescriptionHis(his) : null,
    log: log.child({ module: 'prescriptions' }),
  });
  return {
    config,
    log,
    prisma,
    ...authParts,
    rateLimitStore,
    limits,
    audit,
    ...media,
    health: createHealth({ config, db, media, sessions: authParts.sessions, events, imaging }),
    access,
    events,
    his,
    outbox: outbox.outbox,
    outboxAdmin: outbox.admin,
    ...records,
    ...consultations,
    ...clinic,
    admin: createAdmin({ prisma, audit, sessions: authParts.sessions }),
    imaging,
    prescriptions,
    field: createField({ prisma, access, audit, events, outbox: outbox.outbox, his, secret: config.jwtSecret }),
    opinions: createOpinions({ prisma, consultationAccess: access, audit, outbox: outbox.outbox, keys: prescriptions.keys, his }),
    referrals: createReferrals({ prisma, consultationAccess: access, audit, outbox: outbox.outbox, his, attachments: consultations.attachments }),
    mdt: createMdt({ prisma, identity: records.identity, audit, events, closeRoom }),
    kiosk: createKiosk({ prisma, audit, events }),
    tracking: createTracking({ prisma }),
  };
}
