import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '../../components/LoadingState';
import { useResource } from '../../hooks/clinic/useResource';
import '../../styles/field-room.css';
import { fieldApi } from './field-api';

/**
 * Live field consultations this user takes part in. For the expert: "来自现场的会诊" (an ambulance
 * on its way); for the field doctor: where to rejoin. Refreshed every 15 s.
 */
export function FieldConsultationList({ linkTo }: { linkTo: (consultationId: string) => string }) {
  const { t } = useTranslation();
  const list = useResource('field-consultations', (signal) => fieldApi.mine(signal));
  const reload = list.reload;
  useEffect(() => {
    const timer = setInterval(reload, 15_000);
    return () => clearInterval(timer);
  }, [reload]);
  const items = list.data ?? [];
  if (list.loading && !list.data) return <LoadingState testId="field-consultations-loading" />;
  if (items.length === 0) return null;
  return (
    <section className="field-card field-list" aria-label={t('fieldList.title')} data-testid="field-consultations">
      <h2>{t('fieldList.title')}</h2>
      <ul>
        {items.map((c) => {
          const field = c.participants.find((p) => p.role === 'field_doctor');
          return (
            <li key={c.id}>
              <Link to={linkTo(c.id)} className="field-list__link" data-testid="field-consultation-link">
                {t('fieldList.item', { patient: c.hisPatientId, institution: c.institution.name, field: field ? t('fieldList.fieldDoctor', { name: field.displayName, institution: field.institutionName }) : t('fieldList.noFieldDoctor') })}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
