import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ActiveInvitations } from '../../features/field/ActiveInvitations';
import '../../styles/clinic.css';
import '../../styles/field-room.css';

/** `/admin/invitations`: every field invitation link still open, each revocable. */
export function AdminInvitationsPage() {
  const { t } = useTranslation();
  return (
    <div className="page clinic-page" data-testid="admin-invitations">
      <nav aria-label={t('admin.audit.nav')}>
        <Link to="/admin">← {t('admin.audit.back')}</Link>
      </nav>
      <PageHeader title={t('admin.invitations.title')} intro={t('admin.invitations.intro')} />
      <ActiveInvitations />
    </div>
  );
}
