import { defaultPreparation, type AccessClaims, type BookReferralBody, type ReferralAction, type ReferralStatus, type ReferralView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { badRequest, invalidState } from '../../lib/errors';
import type { Outbox } from '../outbox/outbox';
import { ReferralPolicy } from './referral-policy';
import { ReferralSlots } from './referral-slots';
import type { ReferralService } from './referral-service';
import { referralInclude, referralFacts, type ReferralRow } from './referral-views';
import { referralStatusJob } from './referral-status-writeback';
import { referralWritebackJob } from './referral-writeback';

const moved = (n: { count: number }) => {
  if (n.count !== 1) throw invalidState('The referral changed meanwhile; reload it');
};

/**
 * The coordinator's answers to a 上转: book a seat of a slot (号源) or a written time and place, with the preparation (the booking
 * goes to the county HIS through the outbox in the same transaction), decline with a reason, mark a
 * booked one completed; the filer or the coordinator cancels an open one. Each move is a conditional
 * update on the state it starts from, so two bookings at once never both land.
 */
export class ReferralBooking {
  constructor(
    private readonly prisma: Prisma,
    private readonly referrals: ReferralService,
    private readonly outbox: Outbox,
  ) {}

  async book(user: AccessClaims, id: string, body: BookReferralBody): Promise<ReferralView> {
    const r = await this.allowed(user, id, 'book');
    const who = await this.parties(r);
    await this.prisma.$transaction(async (tx) => {
      const seat = 'slotId' in body ? await ReferralSlots.take(tx, body.slotId, r) : null;
      const when = seat ? { slotId: seat.id, slotAt: seat.startsAt, place: seat.place } : 'at' in body ? { slotAt: new Date(body.at), place: body.place } : null;
      if (!when) throw badRequest('Book a slot, or a time and a place');
      const data = { status: 'booked' as const, ...when, preparation: body.preparation || defaultPreparation(r.kind, r.examType), decidedById: user.sub, decidedAt: new Date() };
      moved(await tx.referral.updateMany({ where: { id, status: 'requested' }, data }));
      const booked = await tx.referral.findUniqueOrThrow({ where: { id }, include: referralInclude });
      const job = referralWritebackJob(booked, who);
      await this.outbox.enqueue(job.kind, job.dedupeKey, job.payload, tx);
    });
    return this.done(user, id, 'book');
  }

  async decline(user: AccessClaims, id: string, reason: string): Promise<ReferralView> {
    await this.allowed(user, id, 'decline');
    await this.move(id, 'requested', { status: 'declined', declineReason: reason, decidedById: user.sub, decidedAt: new Date() });
    return this.done(user, id, 'decline');
  }

  async complete(user: AccessClaims, id: string): Promise<ReferralView> {
    await this.allowed(user, id, 'complete');
    await this.move(id, 'booked', { status: 'completed' });
    return this.done(user, id, 'complete');
  }

  async cancel(user: AccessClaims, id: string): Promise<ReferralView> {
    const r = await this.allowed(user, id, 'cancel');
    await this.move(id, r.status, { status: 'cancelled' }, r.slotId);
    return this.done(user, id, 'cancel');
  }

  /**
   * One conditional move from the state read; leaving `booked` also queues the HIS update of the
   * booking's Task and order, in the same transaction.
   */
  private async move(id: string, from: ReferralStatus, data: { status: ReferralStatus; declineReason?: string; decidedById?: string; decidedAt?: Date }, slotId: string | null = null): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      moved(await tx.referral.updateMany({ where: { id, status: from }, data }));
      if (from === 'booked' && data.status === 'cancelled') await ReferralSlots.release(tx, slotId);
      if (from === 'booked' && (data.status === 'completed' || data.status === 'cancelled')) {
        const job = referralStatusJob(id, data.status, new Date());
        await this.outbox.enqueue(job.kind, job.dedupeKey, job.payload, tx);
      }
    });
  }

  private async allowed(user: AccessClaims, id: string, action: ReferralAction): Promise<ReferralRow> {
    const actor = await this.referrals.actor(user);
    ReferralPolicy.assertMayUse(actor);
    const r = await this.referrals.load(id);
    ReferralPolicy.assertMay(actor, referralFacts(r), action);
    return r;
  }

  private async parties(r: ReferralRow) {
    const [requester, dept] = await Promise.all([
      this.prisma.user.findUnique({ where: { id: r.requestedById }, include: { institution: true } }),
      this.prisma.department.findUnique({ where: { id: r.departmentId }, include: { institution: true } }),
    ]);
    return {
      requester: requester ? `${requester.displayName}（${requester.institution.name}）` : r.requestedById,
      performer: dept ? `${dept.institution.name}${dept.name}` : r.departmentId,
    };
  }

  private async done(user: AccessClaims, id: string, what: string): Promise<ReferralView> {
    const row = await this.referrals.load(id);
    await this.referrals.record(user, `referral.${what}`, row, { status: row.status });
    return this.referrals.view(user, row);
  }
}
