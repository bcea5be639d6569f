import { useTranslation } from 'react-i18next';
import type { PatientSummary } from './patient-summary';

/** Who the record belongs to: name, sex, age, HIS number and the masked resident ID. */
export function PatientHeader({ patient }: { patient: PatientSummary | null }) {
  const { t } = useTranslation();
  if (!patient) {
    return (
      <p className="his-patient his-patient--missing" role="status">
        {t('record.patient.missing')}
      </p>
    );
  }
  const facts = [
    t(`record.patient.sex.${patient.sex}`),
    patient.age ? t(`record.patient.age.${patient.age.unit}`, { value: patient.age.value }) : null,
    patient.birthDate ? t('record.patient.born', { date: patient.birthDate }) : null,
  ].filter((f): f is string => Boolean(f));
  return (
    <div className="his-patient" data-testid="his-patient">
      <p className="his-patient__name">
        <strong>{patient.name ?? t('record.patient.unknownName')}</strong>
        <span className="his-patient__facts">{facts.join(' · ')}</span>
      </p>
      <dl className="his-patient__ids">
        {patient.hisNumber ? (
          <div>
            <dt>{t('record.patient.hisNumber')}</dt>
            <dd>{patient.hisNumber}</dd>
          </div>
        ) : null}
        {patient.maskedResidentId ? (
          <div>
            <dt>{t('record.patient.residentId')}</dt>
            <dd data-testid="his-resident-id">{patient.maskedResidentId}</dd>
          </div>
        ) : null}
        {patient.institution ? (
          <div>
            <dt>{t('record.patient.institution')}</dt>
            <dd>{patient.institution}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
