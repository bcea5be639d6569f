import { PrescriptionStatusSchema, type PrescriptionStatus } from '@cloudclinic/shared';
import type { KioskAppointmentView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../../hooks/clinic/useCountdown';

export const SUMMARY_SECONDS = 20;

interface SummaryStepProps {
  appointment: KioskAppointmentView;
  onDone(): void;
}

/** Step 6: what the expert decided, in plain words; the kiosk resets for the next patient by itself. */
export function SummaryStep({ appointment: a, onDone }: SummaryStepProps) {
  const { t } = useTranslation();
  const secondsLeft = useCountdown(SUMMARY_SECONDS, true, onDone);
  const s = a.summary;
  const prescriptions = s?.prescriptions ?? [];
  return (
    <section className="kiosk-step kiosk-summary" aria-labelledby="kiosk-summary-title" data-testid="kiosk-summary">
      <h1 id="kiosk-summary-title" className="kiosk-step__title">
        {t('kiosk.summary.title', { name: a.patientLabel })}
      </h1>
      <p className="kiosk-summary__status">{t(`clinic.status.${a.status}`)}</p>
      <dl className="kiosk-summary__list">
        <dt>{t('kiosk.summary.assessment')}</dt>
        <dd data-testid="kiosk-summary-assessment">{s?.assessment || t('kiosk.summary.none')}</dd>
        <dt>{t('kiosk.summary.plan')}</dt>
        <dd data-testid="kiosk-summary-plan">{s?.plan || t('kiosk.summary.none')}</dd>
        <dt>{t('kiosk.summary.prescriptions')}</dt>
        <dd>
          {prescriptions.length === 0 ? (
            t('kiosk.summary.noPrescriptions')
          ) : (
            <ul className="kiosk-summary__rx">
              {prescriptions.map((rx) => (
                <li key={rx.id}>
                  {rx.items.join('、')} <span className="kiosk-summary__rx-status">（{rxStatusLabel(t, rx.status)}）</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('kiosk.summary.referral')}</dt>
        <dd>{s?.referral ?? t('kiosk.summary.noReferral')}</dd>
        <dt>{t('kiosk.summary.nextSteps')}</dt>
        <dd>
          <ul className="kiosk-summary__next">
            {prescriptions.length > 0 ? <li>{t('kiosk.summary.nextPharmacy')}</li> : null}
            {s?.referral ? <li>{t('kiosk.summary.nextReferral')}</li> : null}
            <li>{t('kiosk.summary.nextFollowUp')}</li>
          </ul>
        </dd>
      </dl>
      <p className="kiosk-summary__countdown" aria-live="off" data-testid="kiosk-summary-countdown">
        {t('kiosk.summary.countdown', { seconds: secondsLeft })}
      </p>
      <button type="button" className="button button--primary kiosk-button--huge" onClick={onDone} data-testid="kiosk-summary-done">
        {t('kiosk.summary.done')}
      </button>
    </section>
  );
}

/** The prescription status in words; an unknown status (newer server) is shown as sent. */
function rxStatusLabel(t: (key: `rx.status.${PrescriptionStatus}`) => string, status: string): string {
  const parsed = PrescriptionStatusSchema.safeParse(status);
  return parsed.success ? t(`rx.status.${parsed.data}`) : status;
}
