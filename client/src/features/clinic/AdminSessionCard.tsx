import type { AppointmentView, ClinicSessionView } from '@cloudclinic/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api/api-error';
import { clinicApi } from '../../api/clinic-api';
import { useQueueWatch } from '../../hooks/clinic/useQueueWatch';
import { errorMessageKey } from '../../i18n/error-messages';
import { QueueTable } from '../queue/QueueTable';
import { BookAppointmentForm } from './BookAppointmentForm';
import { formatClock } from './clinic-time';
import { ConnectionNotice } from './ConnectionNotice';
import { localName } from '../../i18n/local-name';
import { BusyButton } from '../../components/BusyButton';

const CANCELLABLE: ReadonlySet<AppointmentView['status']> = new Set(['booked', 'checked_in']);

/** A session in the coordinator's list: its appointments (live), booking, cancelling. */
export function AdminSessionCard({ session, expanded, onToggle }: { session: ClinicSessionView; expanded: boolean; onToggle(): void }) {
  const { t, i18n } = useTranslation();
  const titleId = `admin-session-${session.id}`;
  return (
    <section className="admin-session" aria-labelledby={titleId} data-testid="admin-session" data-session-id={session.id}>
      <div className="admin-session__header">
        <h3 id={titleId} className="admin-session__title" data-testid="admin-session-title">
          {localName(session.department, i18n.language)} · {session.expert.displayName}
        </h3>
        <span>
          {formatClock(session.startsAt, i18n.language)}–{formatClock(session.endsAt, i18n.language)}
        </span>
        <span>{t('clinic.sessions.counts', { ...session.counts, capacity: session.capacity })}</span>
        <span className="admin-session__institutions">{session.institutions.map((i) => localName(i, i18n.language)).join(i18n.language.startsWith('en') ? ', ' : '、')}</span>
        <button type="button" className="button button--secondary" aria-expanded={expanded} onClick={onToggle} data-testid="admin-session-toggle">
          {expanded ? t('admin.sessions.collapse') : t('admin.sessions.manage')}
        </button>
      </div>
      {expanded ? (
        <div className="admin-session__body">
          <BookAppointmentForm session={session} />
          <AdminAppointments sessionId={session.id} />
        </div>
      ) : null}
    </section>
  );
}

function AdminAppointments({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { queue, errorCode, connection } = useQueueWatch(sessionId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function cancel(appointmentId: string): Promise<void> {
    setPending(appointmentId);
    setActionError(null);
    try {
      await clinicApi.cancel(appointmentId);
      setConfirming(null);
    } catch (err) {
      setActionError(toApiError(err).code);
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="admin-appointments">
      <h4>{t('admin.sessions.appointments')}</h4>
      <ConnectionNotice state={connection} />
      <p className="clinic-form__error" role="alert">
        {actionError ? t(errorMessageKey(actionError)) : ''}
      </p>
      {errorCode && !queue ? <p role="alert">{t(errorMessageKey(errorCode))}</p> : null}
      {queue ? (
        <QueueTable
          appointments={queue.appointments}
          caption={t('admin.sessions.appointments')}
          renderActions={(a) =>
            CANCELLABLE.has(a.status) ? (
              confirming === a.id ? (
                <div className="queue-actions">
                  <BusyButton busy={pending === a.id} className="button clinic-button--danger clinic-button--small" disabled={pending !== null} onClick={() => void cancel(a.id)} data-testid="btn-cancel-confirm">
                    {t('admin.sessions.cancelConfirm')}
                  </BusyButton>
                  <button type="button" className="button button--secondary clinic-button--small" onClick={() => setConfirming(null)}>
                    {t('admin.sessions.keep')}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="button button--secondary clinic-button--small"
                  onClick={() => setConfirming(a.id)}
                  aria-label={t('admin.sessions.cancelLabel', { name: a.patientLabel, number: a.queueNumber })}
                  data-testid="btn-cancel"
                >
                  {t('admin.sessions.cancel')}
                </button>
              )
            ) : (
              <code className="queue-row__code">{a.code}</code>
            )
          }
        />
      ) : null}
    </div>
  );
}
