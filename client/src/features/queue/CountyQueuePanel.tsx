import type { ClinicSessionView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueueWatch } from '../../hooks/clinic/useQueueWatch';
import { useReopenCheckIn } from '../../hooks/clinic/useReopenCheckIn';
import { errorMessageKey } from '../../i18n/error-messages';
import { ConnectionNotice } from '../clinic/ConnectionNotice';
import { formatClock } from '../clinic/clinic-time';
import { LoadError } from '../clinic/LoadError';
import { canJoin, canReopen } from './queue-model';
import { QueueTable } from './QueueTable';
import { localName } from '../../i18n/local-name';
import { BusyButton } from '../../components/BusyButton';

/** One session's queue as the county hospital sees it (its own patients only), live; join a running visit, re-open a declined check-in. */
export function CountyQueuePanel({ session }: { session: ClinicSessionView }) {
  const { t, i18n } = useTranslation();
  const { queue, errorCode, connection } = useQueueWatch(session.id);
  const reopening = useReopenCheckIn();
  const titleId = `county-session-${session.id}`;
  return (
    <section className="queue-panel" aria-labelledby={titleId} data-testid="county-session" data-session-id={session.id}>
      <div className="queue-panel__header">
        <h2 id={titleId} className="queue-panel__title">
          {localName(session.department, i18n.language)} · {session.expert.displayName}
        </h2>
        <p className="queue-panel__waiting">
          {formatClock(session.startsAt, i18n.language)}–{formatClock(session.endsAt, i18n.language)}
        </p>
      </div>
      <ConnectionNotice state={connection} />
      {errorCode && !queue ? <LoadError code={errorCode} /> : null}
      {!queue && !errorCode ? <p role="status">{t('clinic.loading')}</p> : null}
      {reopening.errorCode ? (
        <p className="queue-panel__error" role="alert" data-testid="reopen-error">
          {t(errorMessageKey(reopening.errorCode))}
        </p>
      ) : null}
      {queue ? (
        <QueueTable
          appointments={queue.appointments}
          caption={t('county.queueCaption', { department: localName(session.department, i18n.language) })}
          renderActions={(a) =>
            canJoin(a) ? (
              <Link
                className="button button--primary clinic-button--small"
                to={`/county/consultations/${encodeURIComponent(a.consultationId)}`}
                aria-label={t('county.joinLabel', { name: a.patientLabel, number: a.queueNumber })}
                data-testid="btn-join-consult"
              >
                {t('county.join')}
              </Link>
            ) : canReopen(a) ? (
              <BusyButton
                busy={reopening.pending === a.id}
                className="button button--secondary clinic-button--small"
                aria-label={t('county.reopenLabel', { name: a.patientLabel, number: a.queueNumber })}
                data-testid="btn-reopen-checkin"
                onClick={() => void reopening.reopen(a.id)}
              >
                {t('county.reopen')}
              </BusyButton>
            ) : null
          }
        />
      ) : null}
    </section>
  );
}
