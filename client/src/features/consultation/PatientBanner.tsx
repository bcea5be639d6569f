import { useTranslation } from 'react-i18next';
import { useRecord } from '../../hooks/record/useRecord';
import { BannerAllergies } from './BannerAllergies';
import { bannerModel } from './banner-model';

/**
 * The patient banner above every tab of the consultation: two identifiers (masked name with sex and
 * age, and the county HIS number), the allergies (red when severe) and, for a child, the weight.
 */
export function PatientBanner({ consultationId, hisPatientId }: { consultationId: string; hisPatientId: string }) {
  const { t } = useTranslation();
  const { state } = useRecord(consultationId);
  const m = state.status === 'ready' ? bannerModel(state.model) : null;
  const p = m?.patient ?? null;
  const facts = p ? [t(`record.patient.sex.${p.sex}`), p.age ? t(`record.patient.age.${p.age.unit}`, { value: p.age.value }) : null].filter(Boolean).join(' · ') : null;
  return (
    <section className="patient-banner" aria-label={t('consultation.banner.label')} data-testid="patient-banner" data-state={state.status}>
      <p className="patient-banner__who">
        <strong data-testid="banner-name">{m?.maskedName ?? t('consultation.banner.unknownName')}</strong>
        {facts ? <span data-testid="banner-facts">{facts}</span> : null}
      </p>
      <p className="patient-banner__id" data-testid="banner-his-number">
        {t('consultation.hisId', { id: p?.hisNumber ?? hisPatientId })}
      </p>
      {m?.child ? (
        <p className="patient-banner__weight" data-testid="banner-weight">
          {m.weight ? t('consultation.banner.weight', { weight: m.weight }) : t('consultation.banner.weightMissing')}
        </p>
      ) : null}
      {state.status === 'error' ? (
        <p className="patient-banner__warning" data-testid="banner-allergy" data-state="unknown">
          {t('consultation.banner.recordUnavailable')}
        </p>
      ) : null}
      {m ? <BannerAllergies allergies={m.allergies} unknown={m.allergiesUnknown} severe={m.severeAllergy} /> : null}
    </section>
  );
}
