import type { AccessClaims, MedicationSummary, RegimenTemplate } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, forbidden } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';
import type { EventBus } from '../events/event-bus';
import type { Outbox } from '../outbox/outbox';
import { toSummary } from './fhir-formulary';
import { Formulary } from './formulary';
import type { PrescriptionHis } from './his-port';
import { registerDispenseWriteback } from './his-dispense-writeback';
import { registerWriteback } from './his-writeback';
import { Idempotency } from './idempotency';
import { PrescriptionAccess } from './prescription-access';
import { PrescriptionRecords } from './prescription-records';
import { PrescriptionSheets } from './prescription-sheet';
import { platformMedications } from './platform-medications';
import { PrescriptionService } from './prescription-service';
import { ReviewService } from './review-service';
import { SafetyChecker } from './safety-check';
import { PublicVerifier } from './public-verification';
import { SigningKeys } from '../signatures/signing-keys';
import { SigningService } from './signing-service';
import { REGIMEN_TEMPLATES } from './templates';

export interface PrescriptionDeps {
  prisma: Prisma;
  consultationAccess: ConsultationAccess;
  audit: AuditLog;
  events: EventBus;
  outbox: Outbox;
  /** The county HIS; null when none is configured (prescribing then answers 503). */
  his: PrescriptionHis | null;
  log: Logger;
}

/** Everything online prescribing offers the edges (HTTP routes, socket handlers, JWKS). */
export interface Prescriptions {
  drafting: PrescriptionService;
  signing: SigningService;
  review: ReviewService;
  /** The printed prescription (处方笺). */
  sheets: PrescriptionSheets;
  keys: SigningKeys;
  /** The public page behind the printed QR code (no login). */
  publicVerification: PublicVerifier;
  searchFormulary(user: AccessClaims, q: string): Promise<MedicationSummary[]>;
  templates(user: AccessClaims): Promise<{ templates: RegimenTemplate[]; medications: MedicationSummary[] }>;
}

const FORMULARY_ROLES = new Set(['expert', 'pharmacist', 'county_doctor', 'field_doctor', 'admin']);

const noHis: PrescriptionHis = {
  searchMedications: unavailable,
  getMedication: unavailable,
  patientRecord: unavailable,
  create: unavailable,
  getPatient: unavailable,
  searchCoverage: unavailable,
  searchRequests: unavailable,
  update: unavailable,
};
function unavailable(): Promise<never> {
  return Promise.reject(new AppError('unavailable', 'No county HIS is configured (HIS_FHIR_BASE_URL)'));
}

export function createPrescriptions(deps: PrescriptionDeps): Prescriptions {
  const his = deps.his ?? noHis;
  const log = deps.log;
  const records = new PrescriptionRecords(deps.prisma, deps.audit, deps.events);
  const access = new PrescriptionAccess(deps.prisma, deps.consultationAccess);
  const formulary = new Formulary(his, log);
  const checker = new SafetyChecker(his, formulary, platformMedications(deps.prisma), log);
  const keys = new SigningKeys(deps.prisma);
  const idempotency = new Idempotency(deps.prisma);
  if (deps.his) {
    registerWriteback(deps.outbox, deps.his, log);
    registerDispenseWriteback(deps.outbox, deps.his, log);
  }
  const assertFormularyUser = (user: AccessClaims) => {
    if (!FORMULARY_ROLES.has(user.role)) throw forbidden('The formulary is for prescribers and pharmacists');
  };
  return {
    drafting: new PrescriptionService(records, access, checker, formulary, idempotency),
    signing: new SigningService(records, access, checker, keys, idempotency),
    review: new ReviewService(records, access, keys, deps.outbox, idempotency),
    sheets: new PrescriptionSheets(records, access, his),
    keys,
    publicVerification: new PublicVerifier(records, keys),
    async searchFormulary(user, q) {
      assertFormularyUser(user);
      return (await formulary.search(q)).map(toSummary);
    },
    async templates(user) {
      assertFormularyUser(user);
      const all = await formulary.all();
      const ids = new Set(all.map((d) => d.id));
      const templates = REGIMEN_TEMPLATES.filter((t) => t.items.every((i) => ids.has(i.medicationId)));
      const named = new Set(templates.flatMap((t) => t.items.map((i) => i.medicationId)));
      return { templates, medications: all.filter((d) => named.has(d.id)).map(toSummary) };
    },
  };
}
