import { OpenReferralSlotBodySchema, type AccessClaims, type OpenReferralSlotBody, type ReferralSlotView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import type { Prisma as Db } from '../../generated/prisma/client';
import { badRequest, conflict } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { ReferralPolicy } from './referral-policy';
import type { ReferralService } from './referral-service';
import type { ReferralRow } from './referral-views';

type Tx = Db.TransactionClient;
type SlotRow = Db.ReferralSlotGetPayload<object>;

const view = (s: SlotRow): ReferralSlotView => ({ id: s.id, departmentId: s.departmentId, kind: s.kind, examType: s.examType, at: s.startsAt.toISOString(), place: s.place, capacity: s.capacity, booked: s.booked });
/** How far ahead the booking form offers slots. */
const AHEAD_MS = 60 * 86_400_000;

/**
 * 号源: the provincial departments' bookable capacity. A coordinator of the department's hospital
 * opens slots; booking a referral takes a seat with one conditional increment (never past the
 * capacity, also under parallel bookings); cancelling a booked referral gives it back.
 */
export class ReferralSlots {
  constructor(
    private readonly prisma: Prisma,
    private readonly referrals: ReferralService,
    private readonly audit: AuditLog,
  ) {}

  async open(user: AccessClaims, input: OpenReferralSlotBody): Promise<ReferralSlotView> {
    const body = OpenReferralSlotBodySchema.parse(input);
    const dept = await this.prisma.department.findUnique({ where: { id: body.departmentId }, include: { institution: true } });
    if (!dept || dept.institution.kind !== 'provincial_hospital') throw badRequest('departmentId is not a provincial department');
    ReferralPolicy.assertMayOpenSlots(await this.referrals.actor(user), dept.institutionId);
    const data = { departmentId: dept.id, kind: body.kind, examType: body.examType ?? null, startsAt: new Date(body.at), place: body.place, capacity: body.capacity, createdById: user.sub };
    const existing = await this.prisma.referralSlot.findUnique({ where: { departmentId_kind_startsAt_place: { departmentId: data.departmentId, kind: data.kind, startsAt: data.startsAt, place: data.place } } });
    if (existing) throw conflict('This department already has that slot', { slotId: existing.id });
    const slot = await this.prisma.referralSlot.create({ data }).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'P2002') throw conflict('This department already has that slot');
      throw err;
    });
    await this.audit.record({ action: 'referral_slot.open', outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'ReferralSlot', entityId: slot.id, detail: { capacity: slot.capacity } });
    return view(slot);
  }

  /** The slots a requested referral can be booked into: its department, kind and exam, upcoming, with seats left. */
  async forReferral(user: AccessClaims, referralId: string): Promise<ReferralSlotView[]> {
    const actor = await this.referrals.actor(user);
    const r = await this.referrals.load(referralId);
    ReferralPolicy.assertMay(actor, { institutionId: r.institutionId, requestedById: r.requestedById, departmentId: r.departmentId, status: r.status }, 'book');
    const now = Date.now();
    const rows = await this.prisma.referralSlot.findMany({
      where: { ...matching(r), startsAt: { gt: new Date(now), lt: new Date(now + AHEAD_MS) }, booked: { lt: this.prisma.referralSlot.fields.capacity } },
      orderBy: { startsAt: 'asc' },
      take: 50,
    });
    return rows.map(view);
  }

  /** Inside the booking's transaction: one seat of a matching, upcoming slot, or a precise refusal. */
  static async take(tx: Tx, slotId: string, r: ReferralRow): Promise<SlotRow> {
    const slot = await tx.referralSlot.findUnique({ where: { id: slotId } });
    const m = matching(r);
    if (!slot || slot.departmentId !== m.departmentId || slot.kind !== m.kind || slot.examType !== m.examType) throw badRequest('slotId is not a slot of this referral’s department, kind and exam');
    if (slot.startsAt.getTime() <= Date.now()) throw badRequest('This slot has already begun');
    const n = await tx.referralSlot.updateMany({ where: { id: slotId, booked: { lt: tx.referralSlot.fields.capacity } }, data: { booked: { increment: 1 } } });
    if (n.count !== 1) throw conflict('This slot is full; choose another', { slotId });
    return slot;
  }

  /** Inside a cancellation's transaction: the seat goes back. */
  static async release(tx: Tx, slotId: string | null): Promise<void> {
    if (slotId) await tx.referralSlot.updateMany({ where: { id: slotId, booked: { gt: 0 } }, data: { booked: { decrement: 1 } } });
  }
}

const matching = (r: ReferralRow) => ({ departmentId: r.departmentId, kind: r.kind, examType: r.kind === 'exam' ? r.examType : null });
