import { ReferralStatusSchema, type ReferralStatus } from '@cloudclinic/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { referralApi } from '../../api/referral-api';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../clinic/LoadError';
import { useResource } from '../../hooks/clinic/useResource';
import { errorMessageKey } from '../../i18n/error-messages';
import { InboxReferral, type InboxActions } from './InboxReferral';
import '../../styles/referral.css';

/** `/admin/referrals`: the provincial coordinator's list of up-referrals, booked or declined here. */
export function ReferralInboxPage() {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<ReferralStatus | null>('requested');
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useResource(`${status ?? 'all'}#${version}`, (signal) => referralApi.list(status, signal));

  async function act(action: () => Promise<unknown>): Promise<void> {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(toApiError(err).code);
    } finally {
      setPending(false);
      setVersion((v) => v + 1);
    }
  }
  const actions: InboxActions = {
    pending,
    book: (rid, body) => void act(() => referralApi.book(rid, body)),
    decline: (rid, reason) => void act(() => referralApi.decline(rid, reason)),
    move: (rid, what) => void act(() => referralApi.move(rid, what)),
  };

  return (
    <div className="page clinic-page referral-inbox" data-testid="referral-inbox">
      <PageHeader title={t('referral.inboxTitle')} intro={t('referral.inboxIntro')} />
      <label className="field__label" htmlFor={`${id}-status`}>
        {t('referral.filter')}
      </label>
      <select id={`${id}-status`} className="field__input" value={status ?? ''} onChange={(e) => setStatus(e.target.value ? ReferralStatusSchema.parse(e.target.value) : null)} data-testid="referral-filter">
        <option value="">{t('referral.all')}</option>
        {ReferralStatusSchema.options.map((s) => (
          <option key={s} value={s}>
            {t(`referral.status.${s}`)}
          </option>
        ))}
      </select>
      {error ? (
        <p className="notice notice--warning" role="alert" data-testid="referral-error">
          {t(errorMessageKey(error))}
        </p>
      ) : null}
      {list.loading && !list.data ? <p role="status">{t('clinic.loading')}</p> : null}
      {list.errorCode ? <LoadError code={list.errorCode} onRetry={list.reload} /> : null}
      {list.data?.length === 0 ? <p data-testid="referral-inbox-empty">{t('referral.empty')}</p> : null}
      {list.data?.map((r) => (
        <InboxReferral key={r.id} r={r} actions={actions} />
      ))}
    </div>
  );
}
