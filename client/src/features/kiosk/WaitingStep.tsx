import type { KioskAppointmentView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/clinic/useNow';
import { estimateWait } from './waiting-estimate';
import { localName } from '../../i18n/local-name';

interface WaitingStepProps {
  appointment: KioskAppointmentView;
  /** Live updates are interrupted (socket reconnecting). */
  offline: boolean;
  onFinish(): void;
}

/**
 * Step 4: one number the patient understands (how many people are before them), an honest estimate
 * (waiting-estimate.ts), and the number they will be called by. A called patient goes in by itself.
 */
export function WaitingStep({ appointment: a, offline, onFinish }: WaitingStepProps) {
  const { t, i18n } = useTranslation();
  const now = useNow(15_000);
  const ended = a.status === 'cancelled' || a.status === 'completed';
  const waiting = a.status === 'checked_in' && a.position !== null;
  const estimate = estimateWait({ position: a.position, typicalVisitMinutes: a.typicalVisitMinutes, currentVisitStartedAt: a.currentVisitStartedAt, nowMs: now });
  return (
    <section className="kiosk-step kiosk-waiting" aria-labelledby="kiosk-waiting-title">
      <h1 id="kiosk-waiting-title" className="kiosk-step__title">
        {t('kiosk.waiting.title', { name: a.patientLabel })}
      </h1>
      <p className="kiosk-waiting__expert">{t('kiosk.waiting.expert', { expert: a.expertName, department: localName({ name: a.departmentName, nameEn: a.departmentNameEn }, i18n.language) })}</p>

      <div className="kiosk-waiting__board" aria-live="polite" aria-atomic="true">
        {waiting && a.position !== null ? (
          <>
            <p className="kiosk-waiting__position" data-testid="queue-position" data-position={a.position}>
              {a.position === 1 ? t('kiosk.wait.next') : t('kiosk.wait.ahead', { ahead: a.position - 1 })}
            </p>
            <p className="kiosk-waiting__eta" data-testid="kiosk-wait-estimate" data-kind={estimate.kind}>
              {estimate.kind === 'soon' ? t('kiosk.wait.soon') : estimate.kind === 'minutes' ? t('kiosk.wait.minutes', { minutes: estimate.minutes }) : ''}
            </p>
            {a.currentVisitStartedAt ? <p className="kiosk-waiting__ahead">{t('kiosk.wait.busy')}</p> : null}
          </>
        ) : (
          <p className="kiosk-waiting__status" data-testid="kiosk-waiting-status" data-status={a.status}>
            {t(`kiosk.waiting.status.${a.status}`)}
          </p>
        )}
        <p className="kiosk-waiting__number" data-testid="kiosk-call-number">
          {t('kiosk.wait.callNumber', { number: a.queueNumber })}
        </p>
      </div>

      <p className="kiosk-waiting__hint">{t('kiosk.waiting.hint')}</p>
      {offline ? (
        <p className="notice kiosk-notice" role="status">
          {t('clinic.connection.reconnecting')}
        </p>
      ) : null}
      {ended || a.status === 'no_show' ? (
        <button type="button" className="button button--secondary kiosk-button--huge" onClick={onFinish}>
          {t('kiosk.waiting.finish')}
        </button>
      ) : null}
    </section>
  );
}
