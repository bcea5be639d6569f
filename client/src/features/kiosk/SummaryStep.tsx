import { PrescriptionStatusSchema, type PrescriptionStatus } from '@cloudclinic/shared';
import type { KioskAppointmentView } from '@cloudclinic/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountdown } from '../../hooks/clinic/useCountdown';
import { PrintableSummary } from './PrintableSummary';
import { SummaryReferral } from './SummaryReferral';

/** Time to read the summary and press 打印; after printing, time to take the paper. */
export const SUMMARY_SECONDS = 90;
export const AFTER_PRINT_SECONDS = 20;

interface SummaryStepProps {
  appointment: KioskAppointmentView;
  onDone(): void;
}

/** Step 6: what the expert decided, in plain words, printable on one page; then the kiosk resets for the next patient. */
export function SummaryStep({ appointment: a, onDone }: SummaryStepProps) {
  const { t, i18n } = useTranslation();
  const [printed, setPrinted] = useState(false);
  const secondsLeft = useCountdown(printed ? AFTER_PRINT_SECONDS : SUMMARY_SECONDS, true, onDone);
  const s = a.summary;
  const prescriptions = s?.prescriptions ?? [];
  const en = i18n.language.startsWith('en');

  function print(): void {
    window.print();
    setPrinted(true);
  }

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
                  <span className="kiosk-summary__rx-status">{rxStatusLabel(t, rx.status)}</span>
                  <ul>
                    {rx.drugs.map((d, i) => (
                      <li key={i} data-testid="kiosk-summary-drug">
                        <strong>
                          {d.name} {d.strength} ×{d.quantity}
                        </strong>
                        ：{en ? d.instruction.en : d.instruction.zh}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('kiosk.summary.referral')}</dt>
        <dd>
          <SummaryReferral referral={s?.referral ?? null} />
        </dd>
        <dt>{t('kiosk.summary.nextSteps')}</dt>
        <dd>
          <ul className="kiosk-summary__next">
            {prescriptions.length > 0 ? <li>{t('kiosk.summary.nextPharmacy')}</li> : null}
            {s?.referral ? <li>{t('kiosk.summary.nextReferral')}</li> : null}
            <li>{t('kiosk.summary.nextFollowUp')}</li>
          </ul>
        </dd>
      </dl>
      <div className="kiosk-actions">
        <button type="button" className="button button--primary kiosk-button--huge" onClick={print} data-testid="kiosk-summary-print">
          {t('kiosk.print.button')}
        </button>
        <button type="button" className="button button--secondary kiosk-button--huge" onClick={onDone} data-testid="kiosk-summary-done">
          {t('kiosk.summary.done')}
        </button>
      </div>
      <p className="kiosk-summary__countdown" aria-live="off" data-testid="kiosk-summary-countdown">
        {printed ? t('kiosk.print.countdown', { seconds: secondsLeft }) : t('kiosk.summary.countdown', { seconds: secondsLeft })}
      </p>
      <PrintableSummary appointment={a} />
    </section>
  );
}

/** The prescription status in words; an unknown status (newer server) is shown as sent. */
function rxStatusLabel(t: (key: `rx.status.${PrescriptionStatus}`) => string, status: string): string {
  const parsed = PrescriptionStatusSchema.safeParse(status);
  return parsed.success ? t(`rx.status.${parsed.data}`) : status;
}
