import type { MdtCaseView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/clinic/useNow';
import { caseClock } from './case-clock';

/** The case's time box as a countdown (server clock); over time it counts up in red, nothing is enforced. */
export function CaseCountdown({ mdtCase, skewMs }: { mdtCase: MdtCaseView; skewMs: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const clock = caseClock(mdtCase, now, skewMs);
  if (!clock) return <span className="mdt-clock">{t('mdt.minutes', { count: mdtCase.minutes })}</span>;
  return (
    <span className={`mdt-clock${clock.overtime ? ' mdt-clock--over' : ''}`} data-testid="mdt-countdown" role="timer" aria-label={clock.overtime ? t('mdt.overtimeLabel', { time: clock.label }) : t('mdt.remainingLabel', { time: clock.label })}>
      {clock.overtime ? `+${clock.label}` : clock.label}
    </span>
  );
}
