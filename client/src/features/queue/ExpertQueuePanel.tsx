import type { AppointmentView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useQueueActions, type QueueAction } from '../../hooks/clinic/useQueueActions';
import { useQueueWatch } from '../../hooks/clinic/useQueueWatch';
import { errorMessageKey } from '../../i18n/error-messages';
import { ConnectionNotice } from '../clinic/ConnectionNotice';
import { LoadError } from '../clinic/LoadError';
import { expertActions } from './queue-model';
import { QueueTable } from './QueueTable';
import { localName } from '../../i18n/local-name';
import { BusyButton } from '../../components/BusyButton';

/** The expert's live queue of one session: call next, and per patient call / no-show / recall / open. */
export function ExpertQueuePanel({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { queue, errorCode, connection } = useQueueWatch(sessionId);
  const actions = useQueueActions(sessionId);

  const openConsultation = (consultationId: string) =>
    void navigate(`/expert/consultations/${encodeURIComponent(consultationId)}?session=${encodeURIComponent(sessionId)}`);

  async function callNext(): Promise<void> {
    const result = await actions.callNext();
    if (result) openConsultation(result.consultation.id);
  }

  async function act(action: QueueAction | 'open', a: AppointmentView): Promise<void> {
    if (action === 'open') {
      if (a.consultationId) openConsultation(a.consultationId);
      return;
    }
    const result = await actions.act(action, a.id);
    if (result) openConsultation(result.consultation.id);
  }

  const waiting = queue?.session.counts.waiting ?? 0;
  // "Nobody is waiting" is a normal answer to call-next, not a failure.
  const errorText = actions.errorCode === 'not_found' ? t('expert.queue.nobodyWaiting') : actions.errorCode ? t(errorMessageKey(actions.errorCode)) : '';

  return (
    <section className="queue-panel" aria-labelledby="queue-title">
      <div className="queue-panel__header">
        <h2 id="queue-title" className="queue-panel__title">
          {t('expert.queue.title')}
        </h2>
        <p className="queue-panel__waiting" aria-live="polite" data-testid="queue-waiting-count">
          {t('expert.queue.waitingCount', { count: waiting })}
        </p>
        <BusyButton
          className="button button--primary clinic-button--large"
          onClick={() => void callNext()}
          busy={actions.pending === 'next'}
          busyLabel={t('expert.queue.calling')}
          disabled={actions.pending !== null || !queue}
          data-testid="btn-call-next"
        >
          {t('expert.queue.callNext')}
        </BusyButton>
      </div>
      <ConnectionNotice state={connection} />
      <p className="queue-panel__error" role="alert" data-testid="queue-action-error">
        {errorText}
      </p>
      {errorCode && !queue ? <LoadError code={errorCode} /> : null}
      {!queue && !errorCode ? <p role="status">{t('clinic.loading')}</p> : null}
      {queue ? (
        <QueueTable
          appointments={queue.appointments}
          caption={t('expert.queue.caption', { department: localName(queue.session.department, i18n.language) })}
          renderActions={(a) => (
            <div className="queue-actions">
              {expertActions(a).map((action) => (
                <BusyButton
                  key={action}
                  className={`button ${action === 'call' || action === 'open' ? 'button--primary' : 'button--secondary'} clinic-button--small`}
                  busy={actions.pending === `${action}:${a.id}`}
                  disabled={actions.pending !== null}
                  onClick={() => void act(action, a)}
                  aria-label={t(`expert.queue.actionLabel.${action}`, { name: a.patientLabel, number: a.queueNumber })}
                  data-testid={`btn-${action.replace('_', '-')}`}
                >
                  {t(`expert.queue.action.${action}`)}
                </BusyButton>
              ))}
            </div>
          )}
        />
      ) : null}
    </section>
  );
}
