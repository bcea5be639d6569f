import { useTranslation } from 'react-i18next';
import type { KioskStep } from './kiosk-flow';

const STEPS: readonly KioskStep[] = ['checkin', 'consent', 'device-check', 'waiting', 'in-room', 'summary'];

/** Where the patient is in the visit: numbered dots with short words (readable without reading much). */
export function KioskSteps({ step }: { step: KioskStep }) {
  const { t } = useTranslation();
  const current = STEPS.indexOf(step);
  return (
    <ol className="kiosk-steps" aria-label={t('kiosk.steps.label')}>
      {STEPS.map((s, i) => (
        <li key={s} className={`kiosk-steps__item${i < current ? ' kiosk-steps__item--done' : ''}`} aria-current={i === current ? 'step' : undefined}>
          <span className="kiosk-steps__dot" aria-hidden="true">
            {i < current ? '✓' : i + 1}
          </span>
          <span className="kiosk-steps__name">{t(`kiosk.steps.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}
