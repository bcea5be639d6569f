import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homePathFor } from '../auth/role-home';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../hooks/useSession';

/** 403: signed in, but this area belongs to another role. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section className="status-page" data-testid="page-forbidden">
      <PageHeader
        title={t('pages.forbiddenTitle')}
        intro={user ? t('pages.forbiddenMessage', { role: t(`roles.${user.role}`) }) : undefined}
      />
      <Link className="button button--primary" to={user ? homePathFor(user.role) : '/login'}>
        {user ? t('pages.goHome') : t('pages.goLogin')}
      </Link>
    </section>
  );
}
