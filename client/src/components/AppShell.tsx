import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { LogoutButton } from './LogoutButton';
import { UserBadge } from './UserBadge';

export type ShellVariant = 'desk' | 'kiosk' | 'field';

interface AppShellProps {
  /** `desk`: desktop workstation; `kiosk`: large touch targets; `field`: mobile-first. */
  variant: ShellVariant;
  /** Already-translated name of the role area, e.g. 专家工作台. */
  areaTitle: string;
  children: ReactNode;
  /** Replaces the one-tap logout (the kiosk signs out only with a staff PIN). */
  logout?: ReactNode;
  /** One slim header row (a call on a phone: the page below needs the height). */
  compact?: boolean;
}

/** Common frame of every role area: header (product, area, user, language, logout) and main content. */
export function AppShell({ variant, areaTitle, children, logout, compact = false }: AppShellProps) {
  const { t } = useTranslation();
  return (
    <div className={`shell shell--${variant}${compact ? ' shell--compact' : ''}`} data-testid={`shell-${variant}`}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <div className="shell__brand">
          <span className="shell__product">{t('app.name')}</span>
          <span className="shell__area">{areaTitle}</span>
        </div>
        <div className="shell__actions">
          <UserBadge />
          <LanguageSwitch />
          {logout ?? <LogoutButton />}
        </div>
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
