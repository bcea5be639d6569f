import type { FollowUpPlanView, ReferralView } from '@cloudclinic/shared';
import { useEffect } from 'react';
import { referralApi } from '../../api/referral-api';
import { useResource, type Resource } from '../../hooks/clinic/useResource';
import { useReloadingAction } from '../../hooks/useReloadingAction';

/** How often the lists are re-read, so a booking or an acknowledgement shows up on the other side's screen. */
const POLL_MS = 5000;

export interface ReferralsState {
  referrals: Resource<ReferralView[]>;
  plans: Resource<FollowUpPlanView[]>;
  pending: boolean;
  /** ApiError code of the last failed action. */
  actionError: string | null;
  /** Runs one action (filing, cancelling, ticking …), then reloads both lists; true when it succeeded. */
  run(action: () => Promise<unknown>): Promise<boolean>;
}

/** A consultation's referrals and follow-up plans, re-read every few seconds, with one pending flag for every action on them. */
export function useReferrals(consultationId: string): ReferralsState {
  const referrals = useResource(consultationId, (signal) => referralApi.ofConsultation(consultationId, signal));
  const plans = useResource(consultationId, (signal) => referralApi.plans(consultationId, signal));
  const [reloadReferrals, reloadPlans] = [referrals.reload, plans.reload];
  useEffect(() => {
    const timer = window.setInterval(() => {
      reloadReferrals();
      reloadPlans();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reloadReferrals, reloadPlans]);
  const { pending, actionError, run } = useReloadingAction(() => {
    reloadReferrals();
    reloadPlans();
  });
  return { referrals, plans, pending, actionError, run };
}
