import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homePathFor } from '../auth/role-home';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../hooks/useSession';

export function NotFoundPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section className="status-page" data-testid="page-not-found">
      <PageHeader title={t('pages.notFoundTitle')} intro={t('pages.notFoundMessage')} />
      <Link className="button button--primary" to={user ? homePathFor(user.role) : '/login'}>
        {user ? t('pages.goHome') : t('pages.goLogin')}
      </Link>
    </section>
  );
}
