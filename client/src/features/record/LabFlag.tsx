import { useTranslation } from 'react-i18next';
import type { Flag } from './lab-results';

const ARROW: Record<Flag, string> = { H: '↑', L: '↓', A: '!', N: '' };
const CLASS: Record<Flag, string> = { H: 'high', L: 'low', A: 'abnormal', N: 'normal' };
const LABEL = { H: 'record.labs.high', L: 'record.labs.low', A: 'record.labs.abnormal' } as const;

/** A result value with its H/L mark: colour, an arrow, and the word for screen readers. */
export function LabFlag({ display, flag }: { display: string; flag: Flag | null }) {
  const { t } = useTranslation();
  const f = flag ?? 'N';
  return (
    <span className={`his-value his-value--${CLASS[f]}`}>
      {display}
      {f !== 'N' ? (
        <>
          <span aria-hidden="true"> {ARROW[f]}</span>
          <span className="sr-only"> {t(LABEL[f])}</span>
        </>
      ) : null}
    </span>
  );
}
