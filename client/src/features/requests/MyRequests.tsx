import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LiveRequests } from '../../hooks/requests/useRequestList';
import { ConnectionNotice } from '../clinic/ConnectionNotice';
import { LoadError } from '../clinic/LoadError';
import { FilerActions } from './FilerActions';
import { RequestCard } from './RequestCard';

/** 我的申请: this hospital's requests with their states, live; the filer answers and joins from here. */
export function MyRequests({ live }: { live: LiveRequests }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="request-inbox" aria-labelledby={`${id}-title`} data-testid="my-requests">
      <h2 id={`${id}-title`}>{t('requests.mine.title')}</h2>
      <ConnectionNotice state={live.connection} />
      {live.requests === null && !live.errorCode ? <p role="status">{t('clinic.loading')}</p> : null}
      {live.errorCode ? <LoadError code={live.errorCode} /> : null}
      {live.requests?.length === 0 ? <p className="notice">{t('requests.mine.empty')}</p> : null}
      {live.requests?.map((r) => (
        <RequestCard key={r.id} request={r}>
          <FilerActions request={r} onChanged={live.update} />
          {r.consultationId && r.status === 'scheduled' ? (
            <Link className="button button--secondary" to={`/county/consultations/${encodeURIComponent(r.consultationId)}`} data-testid="request-open-consultation">
              {t('requests.openConsultation')}
            </Link>
          ) : null}
        </RequestCard>
      ))}
    </section>
  );
}
