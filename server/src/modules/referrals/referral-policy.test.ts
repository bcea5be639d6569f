import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { ReferralPolicy, type ReferralActor, type ReferralFacts } from './referral-policy';

const coordinator: ReferralActor = { id: 'coord', role: 'admin', institutionId: 'zjh', departmentId: null };
const county = (id = 'doc', inst = 'sscph'): ReferralActor => ({ id, role: 'county_doctor', institutionId: inst, departmentId: null });
const expert = (id: string, dept: string | null): ReferralActor => ({ id, role: 'expert', institutionId: 'zjh', departmentId: dept });
const facts = (over: Partial<ReferralFacts> = {}): ReferralFacts => ({ institutionId: 'sscph', requestedById: 'chen', departmentId: 'radiology', status: 'requested', ...over });
const codeOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
};

describe('ReferralPolicy', () => {
  it('the coordinator books or declines a requested referral, completes a booked one, cancels an open one', () => {
    expect(ReferralPolicy.actions(coordinator, facts())).toEqual(['book', 'decline', 'cancel']);
    expect(ReferralPolicy.actions(coordinator, facts({ status: 'booked' }))).toEqual(['complete', 'cancel']);
    for (const status of ['declined', 'completed', 'cancelled'] as const) expect(ReferralPolicy.actions(coordinator, facts({ status }))).toEqual([]);
  });

  it('the filer may only cancel; the county sees its own institution’s, experts theirs and their department’s', () => {
    expect(ReferralPolicy.actions(expert('chen', 'cardio'), facts())).toEqual(['cancel']);
    expect(ReferralPolicy.sees(county(), facts())).toBe(true);
    expect(ReferralPolicy.sees(county('x', 'dsfph'), facts())).toBe(false);
    expect(ReferralPolicy.sees(expert('he', 'radiology'), facts())).toBe(true);
    expect(ReferralPolicy.sees(expert('lin', 'psychiatry'), facts())).toBe(false);
    expect(ReferralPolicy.sees({ id: 'p', role: 'pharmacist', institutionId: 'sscph', departmentId: null }, facts())).toBe(false);
  });

  it('refuses with 403 who may not act and 409 what the state does not allow', () => {
    expect(codeOf(() => ReferralPolicy.assertMay(county('x', 'dsfph'), facts(), 'cancel'))).toBe('forbidden');
    expect(codeOf(() => ReferralPolicy.assertMay(county(), facts(), 'cancel'))).toBe('forbidden');
    expect(codeOf(() => ReferralPolicy.assertMay(expert('chen', 'cardio'), facts(), 'book'))).toBe('forbidden');
    expect(codeOf(() => ReferralPolicy.assertMay(coordinator, facts({ status: 'declined' }), 'book'))).toBe('invalid_state');
    expect(codeOf(() => ReferralPolicy.assertMay(expert('chen', 'cardio'), facts({ status: 'completed' }), 'cancel'))).toBe('invalid_state');
    expect(codeOf(() => ReferralPolicy.assertMay(coordinator, facts(), 'book'))).toBeNull();
    expect(codeOf(() => ReferralPolicy.assertMayUse({ id: 'k', role: 'kiosk', institutionId: 'sscph', departmentId: null }))).toBe('forbidden');
  });
});
