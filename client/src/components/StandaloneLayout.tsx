import type { ReactNode } from 'react';
import { LanguageSwitch } from './LanguageSwitch';

/** Minimal frame for pages shown outside a role shell (403 / 404 at the top level). */
export function StandaloneLayout({ children }: { children: ReactNode }) {
  return (
    <div className="standalone">
      <div className="standalone__language">
        <LanguageSwitch />
      </div>
      <main id="main" className="standalone__main">
        {children}
      </main>
    </div>
  );
}
