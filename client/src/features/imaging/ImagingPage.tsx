import { IdSchema, type Role } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { homePathFor } from '../../auth/role-home';
import { AppShell, type ShellVariant } from '../../components/AppShell';
import { useCurrentUser } from '../../hooks/useSession';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { ImagingPanel } from './ImagingPanel';

const SHELL_BY_ROLE: Partial<Record<Role, ShellVariant>> = { kiosk: 'kiosk', field_doctor: 'field' };

/**
 * `/imaging/:consultationId`: the shared reading workspace over the whole window, for any
 * participant (the server decides who may see the images and who may present).
 */
export default function ImagingPage() {
  const { t } = useTranslation();
  const { consultationId } = useParams();
  const user = useCurrentUser();
  const valid = consultationId !== undefined && IdSchema.safeParse(consultationId).success;
  return (
    <AppShell variant={(user && SHELL_BY_ROLE[user.role]) ?? 'desk'} areaTitle={t('imaging.title')}>
      <div className="imaging-page" data-testid="imaging-page">
        <nav className="imaging-page__nav">
          <Link to={user ? homePathFor(user.role) : '/'}>← {t('imaging.back')}</Link>
        </nav>
        {valid ? <ImagingPanel consultationId={consultationId} fullPageLink={false} /> : <NotFoundPage />}
      </div>
    </AppShell>
  );
}
