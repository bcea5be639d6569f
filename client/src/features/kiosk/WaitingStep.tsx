import type { KioskAppointmentView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

interface WaitingStepProps {
  appointment: KioskAppointmentView;
  /** Live updates are interrupted (socket reconnecting). */
  offline: boolean;
  onFinish(): void;
}

/** Step 4: the place in the queue, live. A called patient goes into the room by itself (no button). */
export function WaitingStep({ appointment: a, offline, onFinish }: WaitingStepProps) {
  const { t } = useTranslation();
  const ended = a.status === 'cancelled' || a.status === 'completed';
  return (
    <section className="kiosk-step kiosk-waiting" aria-labelledby="kiosk-waiting-title">
      <h1 id="kiosk-waiting-title" className="kiosk-step__title">
        {t('kiosk.waiting.title', { name: a.patientLabel })}
      </h1>
      <p className="kiosk-waiting__expert">
        {t('kiosk.waiting.expert', { expert: a.expertName, department: a.departmentName })}
      </p>

      <div className="kiosk-waiting__board" aria-live="polite" aria-atomic="true">
        {a.status === 'checked_in' && a.position !== null ? (
          <>
            <p className="kiosk-waiting__position" data-testid="queue-position" data-position={a.position}>
              {a.position === 1 ? t('kiosk.waiting.next') : t('kiosk.waiting.position', { position: a.position })}
            </p>
            <p className="kiosk-waiting__ahead">{t('kiosk.waiting.ahead', { ahead: a.position - 1 })}</p>
            {a.estimatedWaitMinutes !== null ? (
              <p className="kiosk-waiting__eta">{t('kiosk.waiting.eta', { minutes: a.estimatedWaitMinutes })}</p>
            ) : null}
          </>
        ) : (
          <p className="kiosk-waiting__status" data-testid="kiosk-waiting-status" data-status={a.status}>
            {t(`kiosk.waiting.status.${a.status}`)}
          </p>
        )}
        <p className="kiosk-waiting__number">{t('kiosk.waiting.number', { number: a.queueNumber })}</p>
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
