import {
  ageInYears,
  SignedPrescriptionPayloadSchema,
  SignedReviewPayloadSchema,
  type AccessClaims,
  type PrescriptionView,
  type SignedDocument,
  type SignPrescriptionRequestSchema,
  type Verification,
} from '@cloudclinic/shared';
import type { z } from 'zod';
import { AppError, badRequest, invalidState, notFound } from '../../lib/errors';
import { verifyPassword } from '../auth/password';
import { canonicalJson, sha256Hex } from '../signatures/canonical';
import { isUniqueViolation, type Idempotency, type IdempotentRequest } from './idempotency';
import type { Prisma } from '../../db/database';
import { assertCompleteForSigning } from './diagnoses';
import { platformMedications } from './platform-medications';
import { verificationCode } from '../signatures/verification-code';
import { kidOf, sameText, signCanonical, verifyJws } from '../signatures/jws';
import { PRESCRIPTION_JWS_TYPE } from './jws-type';
import type { PrescriptionAccess } from './prescription-access';
import { itemInputs, mergeOverrides, type PrescriptionRecords } from './prescription-records';
import { assertTransition, validUntil } from './prescription-state';
import { blockingFindings } from './safety';
import type { SafetyChecker } from './safety-check';
import { buildPayload, recordedContent, signedContent, type PrescriptionRow } from './signed-payload';
import type { SigningKeys } from '../signatures/signing-keys';
import { stored } from './views';

type SignInput = z.output<typeof SignPrescriptionRequestSchema>;

/** Failed signing attempts (wrong password) before signing locks for a while, like login. */
const MAX_SIGN_FAILURES = 5;
const SIGN_LOCK_MS = 15 * 60_000;

/**
 * Signing (签名) and submission for review, and verification. A signature is an ES256 JWS over the
 * RFC 8785 canonical JSON of the prescription; the private key is unlocked with the signer's password
 * for that one act. The safety checks run again (with live stock) right before signing.
 */
export class SigningService {
  constructor(
    private readonly records: PrescriptionRecords,
    private readonly access: PrescriptionAccess,
    private readonly checker: SafetyChecker,
    private readonly keys: SigningKeys,
    private readonly idempotency: Idempotency,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get prisma() {
    return this.records.prisma;
  }

  async sign(user: AccessClaims, id: string, body: SignInput, idem?: IdempotentRequest): Promise<PrescriptionView> {
    const rx = await this.records.load(id);
    await this.access.assertPrescriberOfPrescription(user, rx);
    const prior = await this.idempotency.replay(user.sub, idem);
    if (prior) return this.records.view(prior.prescriptionId);
    assertTransition(rx.status, 'signed');
    if (rx.items.length === 0) throw invalidState('The prescription has no items');
    const me = await this.prisma.user.findUniqueOrThrow({ where: { id: user.sub }, include: { institution: true, department: true } });
    await this.assertNotLocked(user);
    if (!(await verifyPassword(body.password, me.passwordHash))) {
      await this.records.record(user, 'prescription.sign', rx, 'invalid_credentials');
      throw new AppError('invalid_credentials', 'The password is not correct; the prescription was not signed');
    }

    const now = this.now();
    const diagnoses = stored.diagnoses(rx.diagnoses);
    const patientStatus = stored.patientStatus(rx.patientStatus);
    assertCompleteForSigning(diagnoses, patientStatus, ageInYears(rx.patientBirthDate, now));
    const overrides = { ...stored.overrides(rx.overrides), ...mergeOverrides(stored.overrides(rx.overrides), body.overrides, user.sub, now) };
    const check = await this.checker.check({
      hisPatientId: rx.hisPatientId,
      prescriptionId: rx.id,
      diagnoses: diagnoses.map((d) => d.code),
      items: itemInputs(rx),
      patientStatus,
      antibioticPrivilege: me.antibioticPrivilege,
      overrides,
      freshStock: true,
      now,
    });
    const blocking = blockingFindings(check.findings);
    if (blocking.length > 0) {
      await this.prisma.prescription.updateMany({ where: { id, status: 'draft', revision: rx.revision }, data: { findings: check.findings, overrides, checkedAt: now, checkError: null } });
      await this.records.record(user, 'prescription.sign', rx, 'blocked', { findings: blocking.map((f) => f.id) });
      throw badRequest('Safety findings block signing: refused items must be removed and every warning needs an override reason', { findings: blocking });
    }

    const key = await this.keys.unlock(user.sub, body.password);
    const version = rx.version + 1;
    const previous = rx.versions.find((v) => v.version === rx.version);
    const until = validUntil(now, rx.validityDays);
    const payload = buildPayload(rx, {
      version,
      previousHash: previous?.payloadHash ?? null,
      issuedAt: now,
      validUntil: until,
      institutionName: await this.institutionName(rx.institutionId),
      prescriber: { id: me.id, name: me.displayName, qualificationNo: me.qualificationNo, institution: me.institution.name, department: me.department?.name ?? null },
      findings: check.findings,
    });
    const canonical = canonicalJson(payload);
    const jws = await signCanonical(canonical, key, PRESCRIPTION_JWS_TYPE);
    const usedOverrides = Object.fromEntries(Object.entries(overrides).filter(([fid]) => check.findings.some((f) => f.id === fid)));
    try {
      await this.prisma.$transaction(async (tx) => {
        const moved = await tx.prescription.updateMany({
          where: { id, status: 'draft', revision: rx.revision },
          data: {
            status: 'signed',
            version,
            signedAt: now,
            validUntil: until,
            findings: check.findings,
            overrides: usedOverrides,
            checkedAt: now,
            checkError: null,
            reviewedById: null,
            reviewedAt: null,
            reviewNote: null,
            rejectionReason: null,
          },
        });
        if (moved.count !== 1) throw invalidState('The prescription changed while it was being signed; review it and sign again');
        await assertNoActiveTwin(tx, rx, now);
        await tx.prescriptionVersion.create({
          data: { prescriptionId: id, version, canonical, jws, payloadHash: sha256Hex(canonical), kid: key.kid, signerId: user.sub, signedAt: now },
        });
        await this.idempotency.record(tx, user.sub, idem, id, 200);
      });
    } catch (err) {
      const again = isUniqueViolation(err) ? await this.idempotency.replay(user.sub, idem) : null;
      if (again) return this.records.view(again.prescriptionId);
      throw err;
    }
    await this.records.record(user, 'prescription.sign', rx, 'ok', { version, kid: key.kid, overridden: Object.keys(usedOverrides) });
    this.records.changed(rx);
    return this.records.view(id);
  }

  /** Sends the signed prescription to the county pharmacy's review queue; idempotent by Idempotency-Key. */
  async submit(user: AccessClaims, id: string, idem?: IdempotentRequest): Promise<PrescriptionView> {
    const rx = await this.records.load(id);
    await this.access.assertPrescriberOfPrescription(user, rx);
    const prior = await this.idempotency.replay(user.sub, idem);
    if (prior) return this.records.view(prior.prescriptionId);
    assertTransition(rx.status, 'under_review');
    try {
      await this.prisma.$transaction(async (tx) => {
        const moved = await tx.prescription.updateMany({ where: { id, status: 'signed' }, data: { status: 'under_review', submittedAt: this.now() } });
        if (moved.count !== 1) throw invalidState('The prescription changed meanwhile; reload it');
        await this.idempotency.record(tx, user.sub, idem, id, 200);
      });
    } catch (err) {
      const again = isUniqueViolation(err) ? await this.idempotency.replay(user.sub, idem) : null;
      if (again) return this.records.view(again.prescriptionId);
      throw err;
    }
    await this.records.record(user, 'prescription.submit', rx, 'ok', { version: rx.version });
    this.records.changed(rx);
    return this.records.view(id);
  }

  /** The latest signed version as issued: compact JWS and its canonical payload. */
  async document(user: AccessClaims, id: string): Promise<SignedDocument> {
    const rx = await this.records.load(id);
    await this.access.assertCanRead(user, rx);
    const v = rx.versions.find((x) => x.version === rx.version);
    if (!v) throw notFound('Signed version');
    return { prescriptionId: rx.id, version: v.version, jws: v.jws, verificationCode: verificationCode(v.jws), canonical: v.canonical, kid: v.kid, signedAt: v.signedAt.toISOString() };
  }

  /** Any signed-in user may verify a prescription (e.g. from its QR code); the answer carries no patient data. */
  async verify(user: AccessClaims, id: string): Promise<Verification> {
    const rx = await this.prisma.prescription.findUnique({ where: { id }, include: { items: true, versions: true } });
    if (!rx) throw notFound('Prescription');
    const result = await verifyPrescription(rx, this.keys, (signerId) => this.prisma.user.findUnique({ where: { id: signerId }, include: { institution: true } }));
    await this.records.record(user, 'prescription.verify', rx, result.valid ? 'valid' : 'invalid', { version: result.version, reasons: result.reasons });
    return result;
  }

  private async assertNotLocked(user: AccessClaims): Promise<void> {
    const failures = await this.prisma.auditEvent.count({
      where: { actorId: user.sub, action: 'prescription.sign', outcome: 'invalid_credentials', at: { gte: new Date(this.now().getTime() - SIGN_LOCK_MS) } },
    });
    if (failures >= MAX_SIGN_FAILURES) throw new AppError('account_locked', 'Too many wrong passwords; signing is locked for 15 minutes');
  }

  private async institutionName(institutionId: string): Promise<string> {
    return (await this.prisma.institution.findUnique({ where: { id: institutionId } }))?.name ?? '';
  }
}

/**
 * Two identical prescriptions signed at the same moment would each pass the check of the other's
 * absence: signatures for one patient are serialised (a transaction-scoped advisory lock) and the
 * check is repeated inside the transaction.
 */
async function assertNoActiveTwin(tx: Pick<Prisma, 'prescription' | '$queryRaw'>, rx: PrescriptionRow, now: Date): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`rx-patient:${rx.hisPatientId}`}))::text`;
  const lines = await platformMedications(tx)(rx.hisPatientId, rx.id, now);
  const twin = lines.find((l) => rx.items.some((i) => i.medicationId === l.medicationId));
  if (twin) {
    throw badRequest(`患者已有本平台有效处方${twin.prescriptionNumber}开具同一药品，不得重复开具。`, { findings: [{ rule: 'active_duplicate', prescriptionNumber: twin.prescriptionNumber, medicationId: twin.medicationId }] });
  }
}

type Signer = { displayName: string; qualificationNo: string | null; institution: { name: string } } | null;

/**
 * Verification of the latest signed version, three checks:
 *  - signature: the JWS verifies with the published key its `kid` names, the key belongs to the
 *    signer recorded for the version, and the payload names that signer;
 *  - integrity: the JWS payload is the stored canonical text, and (unless the prescription is being
 *    revised) the prescription as recorded now is exactly what was signed;
 *  - chain: the version carries the previous version's hash.
 */
export async function verifyPrescription(rx: PrescriptionRow, keys: SigningKeys, signerOf: (id: string) => Promise<Signer>): Promise<Verification> {
  const v = rx.versions.find((x) => x.version === rx.version);
  const base = { prescriptionId: rx.id, number: rx.number, version: rx.version, alg: 'ES256' as const };
  if (!v) {
    return { ...base, valid: false, checks: { signature: false, integrity: false, chain: false, review: null }, reasons: ['not signed'], signer: null, signedAt: null, kid: null, payloadHash: null };
  }
  const reasons: string[] = [];
  const kid = kidOf(v.jws);
  const key = kid ? await keys.publicKey(kid) : null;
  const payloadText = key ? await verifyJws(v.jws, key.jwk) : null;
  const parsed = payloadText === null ? null : SignedPrescriptionPayloadSchema.safeParse(safeJson(payloadText)).data ?? null;
  const signature = Boolean(key && payloadText !== null && parsed && kid === v.kid && key.userId === v.signerId && parsed.prescriber.id === v.signerId);
  if (!signature) reasons.push('signature does not verify with the signer’s published key');

  let integrity = payloadText !== null && sameText(payloadText, v.canonical) && sha256Hex(v.canonical) === v.payloadHash;
  if (integrity && parsed) {
    integrity = parsed.id === rx.id && parsed.version === v.version;
    if (integrity && rx.status !== 'draft') {
      try {
        integrity = sameText(canonicalJson(recordedContent(rx)), canonicalJson(signedContent(parsed)));
      } catch {
        integrity = false;
      }
    }
  }
  if (!integrity) reasons.push('the prescription differs from what was signed');

  const previous = rx.versions.find((x) => x.version === v.version - 1);
  const chain = parsed !== null && (v.version === 1 ? parsed.previousHash === null : previous !== undefined && parsed.previousHash === sha256Hex(previous.canonical));
  if (!chain) reasons.push('the version chain is broken');

  const review = await verifyReview(rx, v.payloadHash, keys);
  if (review === false) reasons.push('the pharmacist’s signed approval does not verify for this version');

  const signer = await signerOf(v.signerId);
  return {
    ...base,
    valid: signature && integrity && chain && review !== false,
    checks: { signature, integrity, chain, review },
    reasons,
    signer: signer ? { id: v.signerId, name: signer.displayName, qualificationNo: signer.qualificationNo, institution: signer.institution.name } : null,
    signedAt: v.signedAt.toISOString(),
    kid: v.kid,
    payloadHash: v.payloadHash,
  };
}

/**
 * The pharmacist's approval: a JWS with the pharmacist's own published key, by the recorded reviewer,
 * over this version's hash. null when the prescription has not been approved (nothing to check).
 */
async function verifyReview(rx: PrescriptionRow, payloadHash: string, keys: SigningKeys): Promise<boolean | null> {
  if (!rx.reviewJws) return rx.status === 'approved' || rx.status === 'dispensed' ? false : null;
  const kid = kidOf(rx.reviewJws);
  const key = kid ? await keys.publicKey(kid) : null;
  const text = key ? await verifyJws(rx.reviewJws, key.jwk) : null;
  const review = text === null ? null : (SignedReviewPayloadSchema.safeParse(safeJson(text)).data ?? null);
  return Boolean(
    key && review && kid === rx.reviewKid && key.userId === rx.reviewedById && review.pharmacist.id === rx.reviewedById &&
      review.prescriptionId === rx.id && review.version === rx.version && review.prescriptionHash === payloadHash,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
