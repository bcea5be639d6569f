import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../hooks/useSession';

/** The signed-in user's name and institution, shown in every shell header. */
export function UserBadge() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!user) return null;
  return (
    <div className="user-badge" aria-label={t('shell.userInfo')} data-testid="user-badge">
      <span className="user-badge__name" data-testid="user-display-name">
        {user.displayName}
      </span>
      <span className="user-badge__institution">{user.institution.name}</span>
    </div>
  );
}
