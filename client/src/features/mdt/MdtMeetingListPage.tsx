import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mdtApi } from '../../api/mdt-api';
import { AppShell } from '../../components/AppShell';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/clinic.css';
import '../../styles/mdt.css';
import { useCurrentUser } from '../../hooks/useSession';
import { LoadError } from '../clinic/LoadError';
import { AddCaseForm } from './AddCaseForm';

/** `/mdt`: the MDT sittings this user takes part in, from today on; county doctors and coordinators file cases here. */
export default function MdtMeetingListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const files = user?.role === 'county_doctor' || user?.role === 'admin';
  const meetings = useResource('mdt-meetings', (signal) => mdtApi.meetings(signal));
  const boards = useResource(files ? 'mdt-boards' : null, (signal) => mdtApi.boards(signal));
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
        {files && boards.data && boards.data.length > 0 ? <AddCaseForm boards={boards.data} pickInstitution={user?.role === 'admin'} /> : null}
      </div>
    </AppShell>
  );
}
