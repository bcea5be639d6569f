import type { FollowUpPlanView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { referralApi } from '../../api/referral-api';
import type { ReferralsState } from './use-referrals';

/** A 下转 plan: its items with their due dates (overdue ones flagged); the county doctor acknowledges it, then ticks items. */
export function FollowUpPlanCard({ plan, state }: { plan: FollowUpPlanView; state: ReferralsState }) {
  const { t } = useTranslation();
  const canTick = plan.actions.includes('tick');
  return (
    <article className="referral-card" data-testid="follow-up-plan" data-acknowledged={plan.acknowledgedAt ? 'yes' : 'no'}>
      <p className="referral-card__status">
        <strong>{t('referral.planTitle')}</strong> · {t('referral.by', { name: plan.createdBy.displayName })}
        {plan.acknowledgedAt ? <span data-testid="plan-acknowledged"> · {t('referral.acknowledged')}</span> : null}
      </p>
      <ul className="follow-up-items">
        {plan.items.map((i) => (
          <li key={i.id} data-testid="follow-up-item" data-overdue={i.overdue ? 'yes' : 'no'} data-done={i.doneAt ? 'yes' : 'no'}>
            <label>
              <input
                type="checkbox"
                checked={i.doneAt !== null}
                disabled={!canTick || state.pending}
                aria-label={t('referral.markDone', { text: i.text })}
                onChange={(e) => void state.run(() => referralApi.tick(plan.id, i.id, e.target.checked))}
                data-testid="follow-up-tick"
              />{' '}
              {t(`referral.itemKinds.${i.kind}`)}：{i.text} · {t('referral.itemDue')} {i.dueDate}
            </label>
            {i.overdue ? <strong className="follow-up-items__overdue"> {t('referral.overdue')}</strong> : null}
            {i.doneAt ? <span> {t('referral.done')}</span> : null}
          </li>
        ))}
      </ul>
      {plan.actions.includes('acknowledge') ? (
        <button type="button" className="button button--primary" disabled={state.pending} onClick={() => void state.run(() => referralApi.acknowledge(plan.id))} data-testid="plan-acknowledge">
          {t('referral.acknowledge')}
        </button>
      ) : null}
    </article>
  );
}
