import type { ReferralAction, ReferralStatus, Role } from '@cloudclinic/shared';
import { forbidden, invalidState } from '../../lib/errors';

/** The account acting on a referral, as the database knows it. */
export interface ReferralActor {
  id: string;
  role: Role;
  institutionId: string;
  departmentId: string | null;
}

/** The parts of a referral the rules read. */
export interface ReferralFacts {
  institutionId: string;
  requestedById: string;
  departmentId: string;
  status: ReferralStatus;
}

const OPEN: readonly ReferralStatus[] = ['requested', 'booked'];

/**
 * Who sees and does what with a 上转 (the one policy place for referrals):
 *  - the patient's county doctors see their institution's referrals; the filer cancels while open;
 *  - experts see the referrals they filed and those to their department; the filer cancels;
 *  - the provincial coordinator (an admin account) sees every referral, books or declines a
 *    requested one, marks a booked one completed, and cancels an open one;
 *  - kiosks, pharmacists and field doctors have no part in referrals.
 * Filing itself is decided with the consultation (`ReferralService.file`): its experts, and the
 * county doctors of the patient's institution.
 */
export const ReferralPolicy = {
  assertMayUse(actor: ReferralActor): void {
    if (actor.role !== 'county_doctor' && actor.role !== 'expert' && actor.role !== 'admin') throw forbidden('Referrals are for county doctors, experts and coordinators');
  },

  /** The database filter of the referrals this actor sees. */
  visible(actor: ReferralActor) {
    ReferralPolicy.assertMayUse(actor);
    if (actor.role === 'admin') return {};
    if (actor.role === 'county_doctor') return { institutionId: actor.institutionId };
    return { OR: [{ requestedById: actor.id }, ...(actor.departmentId ? [{ departmentId: actor.departmentId }] : [])] };
  },

  sees(actor: ReferralActor, r: ReferralFacts): boolean {
    if (actor.role === 'admin') return true;
    if (actor.role === 'county_doctor') return actor.institutionId === r.institutionId;
    if (actor.role !== 'expert') return false;
    return actor.id === r.requestedById || (actor.departmentId !== null && actor.departmentId === r.departmentId);
  },

  /** 号源 are opened by a coordinator of the hospital that owns the department. */
  assertMayOpenSlots(actor: ReferralActor, departmentInstitutionId: string): void {
    if (actor.role !== 'admin' || actor.institutionId !== departmentInstitutionId) throw forbidden('Slots are opened by a coordinator of the department’s hospital');
  },

  actions(actor: ReferralActor, r: ReferralFacts): ReferralAction[] {
    const out: ReferralAction[] = [];
    const coordinator = actor.role === 'admin';
    if (coordinator && r.status === 'requested') out.push('book', 'decline');
    if (coordinator && r.status === 'booked') out.push('complete');
    if ((coordinator || actor.id === r.requestedById) && OPEN.includes(r.status)) out.push('cancel');
    return out;
  },

  /** 403 for those who may not see it or act on it, 409 for an action its state does not allow. */
  assertMay(actor: ReferralActor, r: ReferralFacts, action: ReferralAction): void {
    if (!ReferralPolicy.sees(actor, r)) throw forbidden('This referral is not yours to see');
    if (ReferralPolicy.actions(actor, r).includes(action)) return;
    const mine = actor.role === 'admin' || (action === 'cancel' && actor.id === r.requestedById);
    if (!mine) throw forbidden(action === 'cancel' ? 'Only the filer or the coordinator may cancel a referral' : 'Only the provincial coordinator handles referrals');
    throw invalidState(`A referral that is ${r.status} cannot be ${action === 'book' ? 'booked' : `${action}${action.endsWith('e') ? 'd' : 'ed'}`}`);
  },
};
