import type { Role } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

export const DEMO_PASSWORD = 'Demo@2026';

/** Seeded demo users (server/src/db/seed/demo-data.ts). */
export const DEMO_ACCOUNTS: readonly { username: string; role: Role }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'dr.chen', role: 'expert' },
  { username: 'dr.lin', role: 'expert' },
  { username: 'doc.wang', role: 'county_doctor' },
  { username: 'kiosk.shengsi', role: 'kiosk' },
  { username: 'pharm.zhou', role: 'pharmacist' },
  { username: 'field.xu', role: 'field_doctor' },
];

interface DemoAccountsHintProps {
  onPick(username: string, password: string): void;
}

/** Demo deployment only: lists the demo accounts; clicking one fills the login form. */
export function DemoAccountsHint({ onPick }: DemoAccountsHintProps) {
  const { t } = useTranslation();
  return (
    <aside className="demo-accounts" aria-labelledby="demo-accounts-title" data-testid="demo-accounts">
      <h2 id="demo-accounts-title" className="demo-accounts__title">
        {t('login.demoTitle')}
      </h2>
      <p className="demo-accounts__hint">{t('login.demoHint', { password: DEMO_PASSWORD })}</p>
      <ul className="demo-accounts__list">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.username}>
            <button type="button" className="demo-accounts__account" onClick={() => onPick(account.username, DEMO_PASSWORD)}>
              <code>{account.username}</code>
              <span className="demo-accounts__role">{t(`roles.${account.role}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
