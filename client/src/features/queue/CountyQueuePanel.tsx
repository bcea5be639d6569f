import type { ClinicSessionView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQueueWatch } from '../../hooks/clinic/useQueueWatch';
import { ConnectionNotice } from '../clinic/ConnectionNotice';
import { formatClock } from '../clinic/clinic-time';
import { LoadError } from '../clinic/LoadError';
import { canJoin } from './queue-model';
import { QueueTable } from './QueueTable';

/** One session's queue as the county hospital sees it (its own patients only), live and read-only. */
export function CountyQueuePanel({ session }: { session: ClinicSessionView }) {
  const { t, i18n } = useTranslation();
  const { queue, errorCode, connection } = useQueueWatch(session.id);
  const titleId = `county-session-${session.id}`;
  return (
    <section className="queue-panel" aria-labelledby={titleId} data-testid="county-session" data-session-id={session.id}>
      <div className="queue-panel__header">
        <h2 id={titleId} className="queue-panel__title">
          {session.department.name} · {session.expert.displayName}
        </h2>
        <p className="queue-panel__waiting">
          {formatClock(session.startsAt, i18n.language)}–{formatClock(session.endsAt, i18n.language)}
        </p>
      </div>
      <ConnectionNotice state={connection} />
      {errorCode && !queue ? <LoadError code={errorCode} /> : null}
      {!queue && !errorCode ? <p role="status">{t('clinic.loading')}</p> : null}
      {queue ? (
        <QueueTable
          appointments={queue.appointments}
          caption={t('county.queueCaption', { department: session.department.name })}
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
            ) : null
          }
        />
      ) : null}
    </section>
  );
}
