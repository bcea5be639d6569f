import { endOfClinicDay, type PrescriptionStatus } from '@cloudclinic/shared';
import { invalidState } from '../../lib/errors';

/**
 * draft → signed → under_review → approved | rejected; approved → dispensed; rejected → draft (the
 * expert revises, the next signature is a new version); signed, under_review and approved expire
 * when their validity ends.
 */
const NEXT: Record<PrescriptionStatus, readonly PrescriptionStatus[]> = {
  draft: ['signed'],
  signed: ['under_review', 'expired'],
  under_review: ['approved', 'rejected', 'expired'],
  approved: ['dispensed', 'expired'],
  rejected: ['draft'],
  dispensed: [],
  expired: [],
};

export function canTransition(from: PrescriptionStatus, to: PrescriptionStatus): boolean {
  return NEXT[from].includes(to);
}

/** 409 `invalid_state` for an illegal transition. */
export function assertTransition(from: PrescriptionStatus, to: PrescriptionStatus): void {
  if (!canTransition(from, to)) throw invalidState(`A prescription that is ${from} cannot become ${to}`, { from, to });
}

/** Statuses in which the validity period runs. */
export const EXPIRING: readonly PrescriptionStatus[] = ['signed', 'under_review', 'approved'];

/** End of the validity: the end of the signing day (Asia/Shanghai) plus `validityDays - 1` days. */
export function validUntil(signedAt: Date, validityDays: number): Date {
  return endOfClinicDay(signedAt, validityDays);
}
