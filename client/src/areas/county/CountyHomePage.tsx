import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { clinicApi } from '../../api/clinic-api';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../features/clinic/LoadError';
import { CountyQueuePanel } from '../../features/queue/CountyQueuePanel';
import { CountyRequests } from '../../features/requests/CountyRequests';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/clinic.css';

/** County doctor home: today's cloud-clinic queues of this hospital, live, with "join" on running visits. */
export function CountyHomePage() {
  const { t } = useTranslation();
  const sessions = useResource('today', (signal) => clinicApi.listSessions(undefined, signal));
  return (
    <div className="page clinic-page" data-testid="county-home">
      <PageHeader title={t('county.homeTitle')} intro={t('county.homeIntro')} />
      <nav aria-label={t('mdt.link')}>
        <Link to="/mdt" data-testid="link-mdt">
          {t('mdt.link')}
        </Link>
      </nav>
      {sessions.loading ? <p role="status">{t('clinic.loading')}</p> : null}
      {sessions.errorCode ? <LoadError code={sessions.errorCode} onRetry={sessions.reload} /> : null}
      {sessions.data?.length === 0 ? <p className="notice">{t('clinic.sessions.none')}</p> : null}
      {sessions.data?.map((s) => <CountyQueuePanel key={s.id} session={s} />)}
      <CountyRequests />
    </div>
  );
}
