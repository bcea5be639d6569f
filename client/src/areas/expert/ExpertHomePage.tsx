import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { clinicApi } from '../../api/clinic-api';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../features/clinic/LoadError';
import { FieldConsultationList } from '../../features/field/FieldConsultationList';
import { defaultSession, SessionPicker } from '../../features/clinic/SessionPicker';
import { ExpertQueuePanel } from '../../features/queue/ExpertQueuePanel';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/clinic.css';

/** Expert home: today's clinic sessions and the live queue of the selected one (`?session=`). */
export function ExpertHomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sessions = useResource('today', (signal) => clinicApi.listSessions(undefined, signal));
  const list = sessions.data ?? [];
  const selectedId = params.get('session') ?? defaultSession(list)?.id ?? null;

  return (
    <div className="page clinic-page" data-testid="expert-home">
      <PageHeader title={t('expert.homeTitle')} intro={t('expert.homeIntro')} />
      <nav aria-label={t('requests.inbox.nav')}>
        <Link to="/expert/requests" data-testid="link-requests">
          {t('requests.inbox.link')}
        </Link>{' '}
        <Link to="/mdt" data-testid="link-mdt">
          {t('mdt.link')}
        </Link>
      </nav>
      <FieldConsultationList linkTo={(id) => `/expert/consultations/${encodeURIComponent(id)}`} />
      {sessions.loading ? <p role="status">{t('clinic.loading')}</p> : null}
      {sessions.errorCode ? <LoadError code={sessions.errorCode} onRetry={sessions.reload} /> : null}
      {sessions.data && list.length === 0 ? <p className="notice">{t('clinic.sessions.none')}</p> : null}
      {list.length > 0 ? (
        <SessionPicker scroll sessions={list} selectedId={selectedId} onSelect={(id) => setParams({ session: id }, { replace: true })} />
      ) : null}
      {selectedId && list.some((s) => s.id === selectedId) ? <ExpertQueuePanel key={selectedId} sessionId={selectedId} /> : null}
    </div>
  );
}
