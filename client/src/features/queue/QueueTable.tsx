import type { AppointmentView } from '@cloudclinic/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../hooks/clinic/useNow';
import { minutesSince } from '../clinic/clinic-time';
import { byQueueNumber, waitingSince } from './queue-model';
import { ConsentBadge } from './ConsentBadge';
import { PatientIdentity } from './PatientIdentity';
import { StatusBadge } from './StatusBadge';
import { localName } from '../../i18n/local-name';

interface QueueTableProps {
  appointments: readonly AppointmentView[];
  /** Accessible name of the table, e.g. the session. */
  caption: string;
  /** Buttons of a row (expert: call / no-show / recall; county: join); omitted → read-only. */
  renderActions?: (a: AppointmentView) => ReactNode;
}

/** The queue of a session in queue-number order: number, masked patient with second identifiers, institution, status, consent, waiting time. */
export function QueueTable({ appointments, caption, renderActions }: QueueTableProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (appointments.length === 0) {
    return (
      <p className="queue-empty" data-testid="queue-empty">
        {t('clinic.queue.empty')}
      </p>
    );
  }
  return (
    <table className="queue-table" data-testid="queue-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('clinic.queue.number')}</th>
          <th scope="col">{t('clinic.queue.patient')}</th>
          <th scope="col">{t('clinic.queue.institution')}</th>
          <th scope="col">{t('clinic.queue.status')}</th>
          <th scope="col">{t('clinic.queue.consent')}</th>
          <th scope="col">{t('clinic.queue.waiting')}</th>
          {renderActions ? <th scope="col">{t('clinic.queue.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {byQueueNumber(appointments).map((a) => {
          const minutes = minutesSince(waitingSince(a), now);
          return (
            <tr key={a.id} data-testid="queue-item" data-status={a.status} data-his-patient-id={a.hisPatientId} data-appointment-id={a.id} data-queue-number={a.queueNumber} className={`queue-row queue-row--${a.status}`}>
              <td className="queue-row__number">{a.queueNumber}</td>
              <th scope="row" className="queue-row__patient">
                {a.patientLabel}
                <PatientIdentity patient={a.patient} />
                {a.maskedId ? <span className="queue-row__id">{a.maskedId}</span> : null}
              </th>
              <td>{localName(a.institution, i18n.language)}</td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td>
                <ConsentBadge appointment={a} />
              </td>
              <td>{minutes === null ? '—' : t('clinic.queue.minutes', { minutes })}</td>
              {renderActions ? <td className="queue-row__actions">{renderActions(a)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
