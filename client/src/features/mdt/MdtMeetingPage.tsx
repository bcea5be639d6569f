import { IdSchema } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { homePathFor } from '../../auth/role-home';
import { AppShell } from '../../components/AppShell';
import { useCurrentUser } from '../../hooks/useSession';
import { errorMessageKey } from '../../i18n/error-messages';
import { NotFoundPage } from '../../pages/NotFoundPage';
import '../../styles/clinic.css';
import '../../styles/mdt.css';
import { LoadError } from '../clinic/LoadError';
import { RoomView } from '../room/RoomView';
import { currentCase } from './case-clock';
import { MdtCaseList } from './MdtCaseList';
import { MdtChairControls } from './MdtChairControls';
import { MdtCurrentCase } from './MdtCurrentCase';
import { useMdtMeeting } from './use-mdt-meeting';

/**
 * `/mdt/:meetingId`: one room for the whole sitting; beside the video, the list with its time boxes
 * and the current case's summary, record, imaging and opinions, which follow the chair's "next".
 */
export default function MdtMeetingPage() {
  const { meetingId = '' } = useParams();
  const valid = IdSchema.safeParse(meetingId).success;
  const { t } = useTranslation();
  const user = useCurrentUser();
  const home = user ? homePathFor(user.role) : '/';
  return (
    <AppShell variant="desk" areaTitle={t('mdt.areaTitle')}>
      {valid ? <MdtSitting key={meetingId} meetingId={meetingId} home={home} /> : <NotFoundPage />}
    </AppShell>
  );
}

function MdtSitting({ meetingId, home }: { meetingId: string; home: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useMdtMeeting(meetingId);
  const m = state.meeting.data;
  const current = m ? currentCase(m.cases) : null;
  return (
    <div className="page clinic-page consult-page mdt-page" data-testid="mdt-page" data-meeting-status={m?.status ?? ''}>
      <header className="consult-page__header">
        <Link to="/mdt" className="consult-page__back">
          ← {t('mdt.backToList')}
        </Link>
        <h1 className="consult-page__title">{m ? `${m.board.title} · ${m.date} ${m.board.startTime}` : t('mdt.title')}</h1>
        {m ? (
          <p className="consult-page__meta">
            {t('mdt.chair')}：{m.board.chair.displayName} · <span data-testid="mdt-meeting-status">{t(`mdt.meetingStatus.${m.status}`)}</span>
          </p>
        ) : null}
        {m ? <MdtChairControls meeting={m} current={current} pending={state.pending} onStart={state.start} onNext={state.next} /> : null}
      </header>
      {state.actionError ? (
        <p className="notice notice--error" role="alert">
          {t(errorMessageKey(state.actionError))}
        </p>
      ) : null}
      {!m && state.meeting.loading ? <p role="status">{t('clinic.loading')}</p> : null}
      {!m && state.meeting.errorCode ? <LoadError code={state.meeting.errorCode} onRetry={state.meeting.reload} /> : null}
      {m && m.status === 'ended' ? (
        <div className="consult-page__ended">
          <p className="notice">{t('mdt.ended')}</p>
          <MdtCaseList meeting={m} skewMs={state.skewMs} pending={state.pending} onMove={state.move} />
        </div>
      ) : null}
      {m && m.status !== 'ended' ? (
        <RoomView
          mdtMeetingId={meetingId}
          onLeave={() => void navigate(home)}
          sidePanel={
            <div className="mdt-side">
              <MdtCaseList meeting={m} skewMs={state.skewMs} pending={state.pending} onMove={state.move} />
              <MdtCurrentCase mdtCase={current} skewMs={state.skewMs} />
            </div>
          }
        />
      ) : null}
    </div>
  );
}
