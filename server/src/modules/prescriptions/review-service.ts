import {
  SignedPrescriptionPayloadSchema,
  type AccessClaims,
  type SignedReviewPayload,
  type DispenseRequestSchema,
  type PrescriptionStatus,
  type PrescriptionView,
} from '@cloudclinic/shared';
import type { z } from 'zod';
import type { Prisma } from '../../db/database';
import type { Prisma as Db } from '../../generated/prisma/client';
import { AppError, badRequest, incomplete, invalidState } from '../../lib/errors';
import { verifyPassword } from '../auth/password';
import { canonicalJson } from '../signatures/canonical';
import { signCanonical } from '../signatures/jws';
import { PRESCRIPTION_JWS_TYPE } from './jws-type';
import type { Outbox } from '../outbox/outbox';
import { DISPENSE_WRITEBACK, dispenseJobs } from './his-dispense-writeback';
import { medicationRequestJobs, requestIdentifier, WRITEBACK } from './his-writeback';
import { isUniqueViolation, type Idempotency, type IdempotentRequest } from './idempotency';
import type { PrescriptionAccess } from './prescription-access';
import type { PrescriptionRecords } from './prescription-records';
import { assertTransition, EXPIRING } from './prescription-state';
import { checkAcknowledgements, overriddenWarnings } from './review-acknowledgement';
import type { SigningKeys } from '../signatures/signing-keys';
import { verifyPrescription } from './signing-service';
import type { PrescriptionRow } from './signed-payload';
import { prescriptionInclude, stored } from './views';

type DispenseInput = z.output<typeof DispenseRequestSchema>;
type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];
/** A state change inside the action's transaction; what it returns is added to the audit record. */
type Change = (tx: Tx, rx: PrescriptionRow) => Promise<Record<string, unknown> | void>;

/** Finished prescriptions stay in the pharmacist's list this long, for reference. */
const RECENT_MS = 12 * 3600_000;

/**
 * The county pharmacist's side: the review queue (审方), approve or reject with a reason, dispense with
 * quantities and lots. Approval and dispensing are written to the county HIS through the outbox.
 * Before approving or dispensing, the signature is verified: an altered prescription is never filled.
 */
export class ReviewService {
  constructor(
    private readonly records: PrescriptionRecords,
    private readonly access: PrescriptionAccess,
    private readonly keys: SigningKeys,
    private readonly outbox: Outbox,
    private readonly idempotency: Idempotency,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get prisma() {
    return this.records.prisma;
  }

  /** Prescriptions for the pharmacist's institution: awaiting review or dispensing, then recently finished. */
  async queue(user: AccessClaims): Promise<PrescriptionView[]> {
    await this.access.assertPharmacistFor(user, user.inst);
    await this.expireDue();
    const rows = await this.prisma.prescription.findMany({
      where: {
        institutionId: user.inst,
        OR: [
          { status: { in: ['under_review', 'approved'] } },
          { status: { in: ['rejected', 'dispensed', 'expired'] }, updatedAt: { gte: new Date(this.now().getTime() - RECENT_MS) } },
        ],
      },
      include: prescriptionInclude,
      orderBy: [{ submittedAt: 'asc' }, { createdAt: 'asc' }],
      take: 200,
    });
    return this.records.views(rows);
  }

  /**
   * Approval: the pharmacist must have acknowledged, one by one, every warning the prescriber
   * overrode in the version under review (as signed), and nothing else (see review-acknowledgement).
   */
  async approve(user: AccessClaims, id: string, body: { password: string; note: string; acknowledged: readonly string[] }, idem?: IdempotentRequest): Promise<PrescriptionView> {
    const me = await this.prisma.user.findUniqueOrThrow({ where: { id: user.sub }, include: { institution: true } });
    if (!(await verifyPassword(body.password, me.passwordHash))) throw new AppError('invalid_credentials', 'The password is not correct; the prescription was not approved');
    // Unlocked (or created, for a pharmacist's first approval) before the transaction, which only signs.
    const key = await this.keys.unlock(user.sub, body.password);
    return this.act(user, id, 'approved', idem, async (tx, rx) => {
      const v = rx.versions.find((x) => x.version === rx.version);
      const payload = SignedPrescriptionPayloadSchema.parse(JSON.parse(v?.canonical ?? 'null'));
      const earlier = new Set(rx.versions.filter((x) => x.version !== rx.version).flatMap((x) => overriddenWarnings(SignedPrescriptionPayloadSchema.parse(JSON.parse(x.canonical))).map((f) => f.id)));
      const overridden = checkAcknowledgements(overriddenWarnings(payload), earlier, body.acknowledged);
      // The approval is signed with the pharmacist's own key, over the hash of the version reviewed.
      const at = this.now();
      const review: SignedReviewPayload = {
        type: 'cloudclinic.prescription-review',
        prescriptionId: rx.id,
        version: rx.version,
        prescriptionHash: v?.payloadHash ?? '',
        decision: 'approved',
        acknowledged: overridden.map((f) => f.id),
        pharmacist: { id: me.id, name: me.displayName, institution: me.institution.name },
        at: at.toISOString(),
      };
      const reviewJws = await signCanonical(canonicalJson(review), key, PRESCRIPTION_JWS_TYPE);
      await this.moveOrFail(tx, rx, 'approved', {
        reviewedById: user.sub,
        reviewedAt: at,
        reviewNote: body.note || null,
        rejectionReason: null,
        reviewAcknowledged: review.acknowledged,
        reviewJws,
        reviewKid: key.kid,
      });
      for (const { dedupeKey, job } of medicationRequestJobs(payload, v?.jws ?? '', rx.hisPatientId)) {
        await this.outbox.enqueue(WRITEBACK.request, dedupeKey, job, tx);
      }
      const rules = new Map(stored.findings(rx.findings).map((f) => [f.id, f.rule]));
      return { acknowledged: overridden.map((f) => ({ id: f.id, rule: rules.get(f.id) ?? null })) };
    });
  }

  async reject(user: AccessClaims, id: string, reason: string, idem?: IdempotentRequest): Promise<PrescriptionView> {
    return this.act(user, id, 'rejected', idem, (tx, rx) =>
      this.moveOrFail(tx, rx, 'rejected', { reviewedById: user.sub, reviewedAt: this.now(), rejectionReason: reason, reviewNote: null }),
    );
  }

  async dispense(user: AccessClaims, id: string, body: DispenseInput, idem?: IdempotentRequest): Promise<PrescriptionView> {
    return this.act(user, id, 'dispensed', idem, async (tx, rx) => {
      if (rx.reviewedById === user.sub && !body.sameAsReviewerAcknowledged) {
        throw incomplete(
          '审核药师与调配/发药药师为同一人：须由另一位药师发药，或明确确认由本人完成（单人药房）。The reviewing pharmacist may dispense only with an explicit acknowledgement.',
          ['sameAsReviewerAcknowledgement'],
        );
      }
      const given = new Map(body.items.map((i) => [i.itemId, i]));
      if (given.size !== body.items.length || given.size !== rx.items.length || rx.items.some((i) => !given.has(i.id))) {
        throw badRequest('List every item of the prescription exactly once');
      }
      for (const item of rx.items) {
        const d = given.get(item.id);
        if (d && d.quantity > item.quantity) throw badRequest(`${item.name}: at most ${item.quantity} ${item.quantityUnit} may be dispensed`, { itemId: item.id });
      }
      const at = this.now();
      await this.moveOrFail(tx, rx, 'dispensed', { dispensedById: user.sub, dispensedAt: at, dispenseSameAsReviewer: rx.reviewedById === user.sub });
      for (const item of rx.items) {
        const d = given.get(item.id);
        await tx.prescriptionItem.update({ where: { id: item.id }, data: { dispensedQuantity: d?.quantity ?? 0, lot: d?.lot ?? '' } });
      }
      const updated = await tx.prescription.findUniqueOrThrow({ where: { id }, include: prescriptionInclude });
      const me = await tx.user.findUniqueOrThrow({ where: { id: user.sub }, select: { id: true, displayName: true, qualificationNo: true } });
      for (const { kind, dedupeKey, job } of dispenseJobs(updated, { id: me.id, name: me.displayName, qualificationNo: me.qualificationNo }, at)) {
        await this.outbox.enqueue(kind, dedupeKey, job, tx);
      }
    });
  }

  /** Signed, under-review and approved prescriptions past their validity become expired (audited). */
  async expireDue(): Promise<void> {
    const now = this.now();
    const due = await this.prisma.prescription.findMany({
      where: { status: { in: [...EXPIRING] }, validUntil: { lt: now } },
      select: { id: true, status: true, version: true, hisPatientId: true, consultationId: true, institutionId: true, items: { select: { position: true } } },
    });
    for (const rx of due) {
      const moved = await this.prisma.$transaction(async (tx) => {
        const m = await tx.prescription.updateMany({ where: { id: rx.id, status: rx.status }, data: { status: 'expired', expiredAt: now } });
        // An approved prescription was written to the HIS as active orders: they are withdrawn there too.
        if (m.count === 1 && rx.status === 'approved') {
          for (const item of rx.items) {
            const request = requestIdentifier(rx.id, rx.version, item.position);
            await this.outbox.enqueue(DISPENSE_WRITEBACK.requestStatus, `${DISPENSE_WRITEBACK.requestStatus}:${request}`, { request, status: 'cancelled', reason: '处方已过有效期未取药' }, tx);
          }
        }
        return m.count;
      });
      if (moved !== 1) continue;
      await this.records.record(null, 'prescription.expire', rx, 'ok', { from: rx.status });
      this.records.changed(rx);
    }
  }

  /**
   * One pharmacist action: policy, idempotent replay, expiry, signature verification, then the state
   * change (and its outbox jobs) in one transaction with the idempotency record.
   */
  private async act(user: AccessClaims, id: string, to: PrescriptionStatus, idem: IdempotentRequest | undefined, change: Change) {
    const first = await this.records.load(id);
    await this.access.assertPharmacistFor(user, first.institutionId);
    const prior = await this.idempotency.replay(user.sub, idem);
    if (prior) return this.records.view(prior.prescriptionId);
    await this.expireDue();
    const rx = await this.records.load(id);
    assertTransition(rx.status, to);
    const check = await verifyPrescription(rx, this.keys, (signerId) => this.prisma.user.findUnique({ where: { id: signerId }, include: { institution: true } }));
    if (!check.valid) {
      await this.records.record(user, `prescription.${verb(to)}`, rx, 'signature_invalid', { reasons: check.reasons });
      throw invalidState('The prescription’s signature does not verify; it must not be dispensed', { verification: check });
    }
    let detail: Record<string, unknown> = {};
    try {
      await this.prisma.$transaction(async (tx) => {
        detail = (await change(tx, rx)) ?? {};
        await this.idempotency.record(tx, user.sub, idem, id, 200);
      });
    } catch (err) {
      const again = isUniqueViolation(err) ? await this.idempotency.replay(user.sub, idem) : null;
      if (again) return this.records.view(again.prescriptionId);
      throw err;
    }
    void this.outbox.drain().catch(() => undefined);
    await this.records.record(user, `prescription.${verb(to)}`, rx, 'ok', { version: rx.version, ...detail, ...(to === 'dispensed' ? { sameAsReviewer: rx.reviewedById === user.sub } : {}) });
    this.records.changed(rx);
    return this.records.view(id);
  }

  private async moveOrFail(tx: Tx, rx: PrescriptionRow, to: PrescriptionStatus, data: Db.PrescriptionUpdateManyMutationInput): Promise<void> {
    const moved = await tx.prescription.updateMany({ where: { id: rx.id, status: rx.status }, data: { ...data, status: to } });
    if (moved.count !== 1) throw invalidState('The prescription changed meanwhile; reload it');
  }
}

function verb(to: PrescriptionStatus): string {
  return to === 'approved' ? 'approve' : to === 'rejected' ? 'reject' : to === 'dispensed' ? 'dispense' : to;
}
