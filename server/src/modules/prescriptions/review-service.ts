import {
  SignedPrescriptionPayloadSchema,
  type AccessClaims,
  type DispenseRequestSchema,
  type PrescriptionStatus,
  type PrescriptionView,
} from '@cloudclinic/shared';
import type { z } from 'zod';
import type { Prisma } from '../../db/database';
import type { Prisma as Db } from '../../generated/prisma/client';
import { badRequest, invalidState } from '../../lib/errors';
import type { Outbox } from '../outbox/outbox';
import { medicationDispenseJobs, medicationRequestJobs, WRITEBACK } from './his-writeback';
import { isUniqueViolation, type Idempotency, type IdempotentRequest } from './idempotency';
import type { PrescriptionAccess } from './prescription-access';
import type { PrescriptionRecords } from './prescription-records';
import { assertTransition, EXPIRING } from './prescription-state';
import type { SigningKeys } from './signing-keys';
import { verifyPrescription } from './signing-service';
import type { PrescriptionRow } from './signed-payload';
import { prescriptionInclude } from './views';

type DispenseInput = z.output<typeof DispenseRequestSchema>;
type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

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

  async approve(user: AccessClaims, id: string, note: string, idem?: IdempotentRequest): Promise<PrescriptionView> {
    return this.act(user, id, 'approved', idem, async (tx, rx) => {
      const v = rx.versions.find((x) => x.version === rx.version);
      const payload = SignedPrescriptionPayloadSchema.parse(JSON.parse(v?.canonical ?? 'null'));
      await this.moveOrFail(tx, rx, 'approved', { reviewedById: user.sub, reviewedAt: this.now(), reviewNote: note || null, rejectionReason: null });
      for (const { dedupeKey, job } of medicationRequestJobs(payload, v?.jws ?? '', rx.hisPatientId)) {
        await this.outbox.enqueue(WRITEBACK.request, dedupeKey, job, tx);
      }
    });
  }

  async reject(user: AccessClaims, id: string, reason: string, idem?: IdempotentRequest): Promise<PrescriptionView> {
    return this.act(user, id, 'rejected', idem, (tx, rx) =>
      this.moveOrFail(tx, rx, 'rejected', { reviewedById: user.sub, reviewedAt: this.now(), rejectionReason: reason, reviewNote: null }),
    );
  }

  async dispense(user: AccessClaims, id: string, body: DispenseInput, idem?: IdempotentRequest): Promise<PrescriptionView> {
    return this.act(user, id, 'dispensed', idem, async (tx, rx) => {
      const given = new Map(body.items.map((i) => [i.itemId, i]));
      if (given.size !== body.items.length || given.size !== rx.items.length || rx.items.some((i) => !given.has(i.id))) {
        throw badRequest('List every item of the prescription exactly once');
      }
      for (const item of rx.items) {
        const d = given.get(item.id);
        if (d && d.quantity > item.quantity) throw badRequest(`${item.name}: at most ${item.quantity} ${item.quantityUnit} may be dispensed`, { itemId: item.id });
      }
      const at = this.now();
      await this.moveOrFail(tx, rx, 'dispensed', { dispensedById: user.sub, dispensedAt: at });
      for (const item of rx.items) {
        const d = given.get(item.id);
        await tx.prescriptionItem.update({ where: { id: item.id }, data: { dispensedQuantity: d?.quantity ?? 0, lot: d?.lot ?? '' } });
      }
      const updated = await tx.prescription.findUniqueOrThrow({ where: { id }, include: prescriptionInclude });
      const pharmacist = await tx.user.findUniqueOrThrow({ where: { id: user.sub }, select: { displayName: true } });
      for (const { dedupeKey, job } of medicationDispenseJobs(updated, pharmacist.displayName, at)) {
        await this.outbox.enqueue(WRITEBACK.dispense, dedupeKey, job, tx);
      }
    });
  }

  /** Signed, under-review and approved prescriptions past their validity become expired (audited). */
  async expireDue(): Promise<void> {
    const now = this.now();
    const due = await this.prisma.prescription.findMany({ where: { status: { in: [...EXPIRING] }, validUntil: { lt: now } }, select: { id: true, status: true, hisPatientId: true, consultationId: true, institutionId: true } });
    for (const rx of due) {
      const moved = await this.prisma.prescription.updateMany({ where: { id: rx.id, status: rx.status }, data: { status: 'expired', expiredAt: now } });
      if (moved.count !== 1) continue;
      await this.records.record(null, 'prescription.expire', rx, 'ok', { from: rx.status });
      this.records.changed(rx);
    }
  }

  /**
   * One pharmacist action: policy, idempotent replay, expiry, signature verification, then the state
   * change (and its outbox jobs) in one transaction with the idempotency record.
   */
  private async act(user: AccessClaims, id: string, to: PrescriptionStatus, idem: IdempotentRequest | undefined, change: (tx: Tx, rx: PrescriptionRow) => Promise<void>) {
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
    try {
      await this.prisma.$transaction(async (tx) => {
        await change(tx, rx);
        await this.idempotency.record(tx, user.sub, idem, id, 200);
      });
    } catch (err) {
      const again = isUniqueViolation(err) ? await this.idempotency.replay(user.sub, idem) : null;
      if (again) return this.records.view(again.prescriptionId);
      throw err;
    }
    void this.outbox.drain().catch(() => undefined);
    await this.records.record(user, `prescription.${verb(to)}`, rx, 'ok', { version: rx.version });
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
