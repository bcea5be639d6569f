import { useTranslation } from 'react-i18next';
import { useLogout } from '../hooks/useLogout';

export function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <button type="button" className="button button--secondary" data-testid="btn-logout" onClick={logout}>
      {t('shell.logout')}
    </button>
  );
}
