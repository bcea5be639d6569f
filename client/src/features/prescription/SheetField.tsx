import type { ReactNode } from 'react';

/** One labelled value of the 处方笺 (label, then the value under a test id). */
export function SheetField({ label, testId, wide = false, children }: { label: string; testId: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'rx-sheet__wide' : undefined}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
