import type { AppointmentView, ClinicSessionView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';
import { PatientIdentity } from '../queue/PatientIdentity';
import { formatClock, formatFullDate } from './clinic-time';
import { localName } from '../../i18n/local-name';

export interface BookingSlipProps {
  appointment: AppointmentView;
  session: ClinicSessionView;
}

/** What the booking slip says: code, patient, day and hours, expert and department, where to check in. */
export function BookingSlipContent({ appointment: a, session: s, prefix }: BookingSlipProps & { prefix: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const field = (key: string, label: string, value: string) => (
    <div className="slip__field">
      <dt>{label}</dt>
      <dd data-testid={`${prefix}-${key}`}>{value}</dd>
    </div>
  );
  return (
    <>
      <p className="slip__title">{t('admin.slip.title')}</p>
      <p className="slip__code" data-testid={`${prefix}-code`}>
        {a.code}
      </p>
      <dl className="slip__fields">
        {field('patient', t('admin.slip.patient'), t('admin.slip.patientValue', { name: a.patientLabel, number: a.queueNumber }))}
        <div className="slip__field">
          <dt>{t('admin.slip.identity')}</dt>
          <dd>
            <PatientIdentity patient={a.patient} />
          </dd>
        </div>
        {field('date', t('admin.slip.date'), formatFullDate(s.startsAt, lang))}
        {field('time', t('admin.slip.time'), `${formatClock(s.startsAt, lang)}–${formatClock(s.endsAt, lang)}`)}
        {field('expert', t('admin.slip.expert'), s.expert.displayName)}
        {field('department', t('admin.slip.department'), localName(s.department, lang))}
        {field('place', t('admin.slip.place'), localName(a.institution, lang))}
      </dl>
      <p className="slip__hint">{t('admin.slip.hint', { place: localName(a.institution, lang) })}</p>
    </>
  );
}
