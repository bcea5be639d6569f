import type { RequestListQuery } from '@cloudclinic/shared';
import { RequestStatusSchema, RequestUrgencySchema } from '@cloudclinic/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestApi } from '../../api/request-api';
import { useResource } from '../../hooks/clinic/useResource';
import { useRequestList } from '../../hooks/requests/useRequestList';
import { ConnectionNotice } from '../clinic/ConnectionNotice';
import { LoadError } from '../clinic/LoadError';
import { InboxActions } from './InboxActions';
import { RequestCard } from './RequestCard';
import { inboxOrder } from './request-model';

/** 会诊申请 inbox of the province: filters by state and urgency, the response clock, the answers. */
export function RequestInbox({ consultationLink }: { consultationLink?: (id: string) => string }) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState<RequestListQuery>({});
  const live = useRequestList(filter);
  const options = useResource('options', (signal) => requestApi.options(signal));
  return (
    <section className="request-inbox" aria-labelledby={`${id}-title`} data-testid="request-inbox">
      <h2 id={`${id}-title`}>{t('requests.inbox.title')}</h2>
      <ConnectionNotice state={live.connection} />
      <div className="request-inbox__filters">
        <label className="field__label" htmlFor={`${id}-status`}>
          {t('requests.inbox.filterStatus')}
        </label>
        <select id={`${id}-status`} className="field__input" value={filter.status ?? ''} onChange={(e) => setFilter((f) => ({ ...f, status: RequestStatusSchema.safeParse(e.target.value).data }))} data-testid="inbox-filter-status">
          <option value="">{t('requests.inbox.all')}</option>
          {RequestStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {t(`requests.status.${s}`)}
            </option>
          ))}
        </select>
        <label className="field__label" htmlFor={`${id}-urgency`}>
          {t('requests.inbox.filterUrgency')}
        </label>
        <select id={`${id}-urgency`} className="field__input" value={filter.urgency ?? ''} onChange={(e) => setFilter((f) => ({ ...f, urgency: RequestUrgencySchema.safeParse(e.target.value).data }))} data-testid="inbox-filter-urgency">
          <option value="">{t('requests.inbox.all')}</option>
          {RequestUrgencySchema.options.map((u) => (
            <option key={u} value={u}>
              {t(`requests.urgency.${u}`)}
            </option>
          ))}
        </select>
      </div>
      {live.requests === null && !live.errorCode ? <p role="status">{t('clinic.loading')}</p> : null}
      {live.errorCode ? <LoadError code={live.errorCode} /> : null}
      {options.errorCode ? <LoadError code={options.errorCode} onRetry={options.reload} /> : null}
      {live.requests?.length === 0 ? <p className="notice">{t('requests.inbox.empty')}</p> : null}
      {inboxOrder(live.requests ?? []).map((r) => (
        <RequestCard key={r.id} request={r}>
          <InboxActions request={r} experts={options.data?.experts ?? []} onChanged={live.update} />
          {consultationLink && r.consultationId && r.status === 'scheduled' ? (
            <Link className="button button--secondary" to={consultationLink(r.consultationId)} data-testid="request-open-consultation">
              {t('requests.openConsultation')}
            </Link>
          ) : null}
        </RequestCard>
      ))}
    </section>
  );
}
