import type { AppointmentView } from '@cloudclinic/shared';
import { useTranslation } from 'react-i18next';

/** The second identifiers under a masked name: sex and age, the HIS number for staff. */
export function PatientIdentity({ patient }: { patient: AppointmentView['patient'] }) {
  const { t } = useTranslation();
  const parts = [
    patient.sex ? t(`clinic.identity.sex.${patient.sex}`) : null,
    patient.age === null ? null : t('clinic.identity.age', { age: patient.age }),
    patient.hisNumber ? t('clinic.identity.hisNumber', { number: patient.hisNumber }) : null,
  ].filter((p): p is string => p !== null);
  return (
    <span className="queue-row__id" data-testid="patient-identity">
      {parts.join(' · ')}
      {patient.verified ? null : <span className="queue-row__unverified"> {t('clinic.identity.unverified')}</span>}
    </span>
  );
}
