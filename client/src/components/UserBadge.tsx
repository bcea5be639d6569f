import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../hooks/useSession';
import { localName } from '../i18n/local-name';

/** The signed-in user's name and institution, shown in every shell header. */
export function UserBadge() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  if (!user) return null;
  const institution = localName(user.institution, i18n.language);
  return (
    <div className="user-badge" aria-label={t('shell.userInfo')} data-testid="user-badge">
      <span className="user-badge__name" data-testid="user-display-name">
        {user.displayName}
      </span>
      {/* A name with no English version stays Chinese: said so for screen readers. */}
      <span className="user-badge__institution" lang={institution === user.institution.name ? 'zh-CN' : undefined}>
        {institution}
      </span>
      {user.role === 'kiosk' ? null : (
        <Link className="user-badge__security" to="/account/security" data-testid="account-security-link">
          {t('mfa.pageLink')}
        </Link>
      )}
    </div>
  );
}
