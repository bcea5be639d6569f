import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mdtApi } from '../../api/mdt-api';
import { AppShell } from '../../components/AppShell';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/clinic.css';
import '../../styles/mdt.css';
import { LoadError } from '../clinic/LoadError';

/** `/mdt`: the MDT sittings this user takes part in, from today on. */
export default function MdtMeetingListPage() {
  const { t } = useTranslation();
  const meetings = useResource('mdt-meetings', (signal) => mdtApi.meetings(signal));
  return (
    <AppShell variant="desk" areaTitle={t('mdt.areaTitle')}>
      <div className="page clinic-page" data-testid="mdt-list">
        <h1>{t('mdt.listTitle')}</h1>
        {meetings.loading && !meetings.data ? <p role="status">{t('clinic.loading')}</p> : null}
        {meetings.errorCode ? <LoadError code={meetings.errorCode} onRetry={meetings.reload} /> : null}
        {meetings.data && meetings.data.length === 0 ? <p className="notice">{t('mdt.none')}</p> : null}
        <ul className="mdt-list">
          {(meetings.data ?? []).map((m) => (
            <li key={m.id}>
              <Link to={`/mdt/${encodeURIComponent(m.id)}`} data-testid="mdt-meeting-link">
                {m.title} · {m.date} {m.startTime}
              </Link>{' '}
              <span>
                {t(`mdt.meetingStatus.${m.status}`)} · {t('mdt.caseCount', { count: m.cases })}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </AppShell>
  );
}
