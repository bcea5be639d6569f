import { IdSchema, type Role } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { homePathFor } from '../auth/role-home';
import { AppShell, type ShellVariant } from '../components/AppShell';
import { useCurrentUser } from '../hooks/useSession';
import { RoomView } from '../features/room/RoomView';
import { NotFoundPage } from './NotFoundPage';

const SHELL_BY_ROLE: Partial<Record<Role, ShellVariant>> = { kiosk: 'kiosk', field_doctor: 'field' };

/**
 * `/room/:consultationId`: the video room full-width inside the user's shell, for any signed-in
 * role (the server decides who may join and as which participant).
 */
export default function RoomPage() {
  const { t } = useTranslation();
  const { consultationId } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const home = user ? homePathFor(user.role) : '/';
  const valid = consultationId !== undefined && IdSchema.safeParse(consultationId).success;
  return (
    <AppShell variant={(user && SHELL_BY_ROLE[user.role]) ?? 'desk'} areaTitle={t('room.title')}>
      <div className="room-page" data-testid="room-page">
        <nav className="room-page__nav" aria-label={t('room.navigation')}>
          <Link to={home} className="room-page__back">
            ← {t('room.back')}
          </Link>
        </nav>
        {valid ? <RoomView consultationId={consultationId} onLeave={() => navigate(home)} /> : <NotFoundPage />}
      </div>
    </AppShell>
  );
}
