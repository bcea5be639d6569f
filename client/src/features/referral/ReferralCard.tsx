import type { ReferralView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { referralApi } from '../../api/referral-api';
import { ReferralDetails } from './ReferralDetails';
import type { ReferralsState } from './use-referrals';

/** One up-referral on the consultation: its state, the booking once made, the slip, and cancel for the filer. */
export function ReferralCard({ r, state, slipPath }: { r: ReferralView; state: ReferralsState; slipPath: string | null }) {
  const { t } = useTranslation();
  return (
    <article className="referral-card" data-testid="referral-card" data-status={r.status} aria-label={t(`referral.status.${r.status}`)}>
      <p className="referral-card__status">
        <strong data-testid="referral-status">{t(`referral.status.${r.status}`)}</strong> · {t('referral.from', { name: r.requestedBy.displayName, institution: r.institution.name })}
      </p>
      <ReferralDetails r={r} />
      {r.status === 'booked' && slipPath ? (
        <Link to={slipPath} className="button button--secondary" data-testid="referral-slip-link">
          {t('referral.slipLink')}
        </Link>
      ) : null}
      {r.actions.includes('cancel') ? (
        <button type="button" className="button button--secondary" disabled={state.pending} onClick={() => void state.run(() => referralApi.move(r.id, 'cancel'))} data-testid="referral-cancel">
          {t('referral.cancel')}
        </button>
      ) : null}
    </article>
  );
}
