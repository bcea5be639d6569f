import { useTranslation } from 'react-i18next';
import { LoadError } from '../clinic/LoadError';
import { useCurrentUser } from '../../hooks/useSession';
import { errorMessageKey } from '../../i18n/error-messages';
import { FileReferralForm } from './FileReferralForm';
import { FollowUpPlanCard } from './FollowUpPlanCard';
import { FollowUpPlanForm } from './FollowUpPlanForm';
import { ReferralCard } from './ReferralCard';
import { useReferrals } from './use-referrals';
import '../../styles/referral.css';

/**
 * 双向转诊 on a consultation: its up-referrals (state, booking, slip) with the form to file one, and
 * its down-referral follow-up plans (the expert writes them, the county doctor acknowledges and ticks).
 */
export function ReferralPanel({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const state = useReferrals(consultationId);
  const { referrals, plans } = state;
  const county = me?.role === 'county_doctor';
  const expert = me?.role === 'expert';
  return (
    <section className="referral-panel" aria-label={t('referral.title')} data-testid="referral-panel">
      {state.actionError ? (
        <p className="notice notice--warning" role="alert" data-testid="referral-error">
          {t(errorMessageKey(state.actionError))}
        </p>
      ) : null}
      <h3>{t('referral.up')}</h3>
      {referrals.loading && !referrals.data ? <p role="status">{t('clinic.loading')}</p> : null}
      {referrals.errorCode ? <LoadError code={referrals.errorCode} onRetry={referrals.reload} /> : null}
      {referrals.data?.length === 0 ? <p className="referral-panel__empty">{t('referral.none')}</p> : null}
      {referrals.data?.map((r) => (
        <ReferralCard key={r.id} r={r} state={state} slipPath={county ? `/county/referrals/${r.id}/slip` : null} />
      ))}
      {county || expert ? <FileReferralForm consultationId={consultationId} state={state} /> : null}
      <h3>{t('referral.down')}</h3>
      {plans.errorCode ? <LoadError code={plans.errorCode} onRetry={plans.reload} /> : null}
      {plans.data?.length === 0 ? <p className="referral-panel__empty">{t('referral.planNone')}</p> : null}
      {plans.data?.map((p) => (
        <FollowUpPlanCard key={p.id} plan={p} state={state} />
      ))}
      {expert ? <FollowUpPlanForm consultationId={consultationId} state={state} /> : null}
    </section>
  );
}
