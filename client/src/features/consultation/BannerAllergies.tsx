import { useTranslation } from 'react-i18next';
import type { AllergyItem } from '../record/clinical-lists';

/** The banner's allergy marker: red for a severe allergy, amber when allergies could not be read. */
export function BannerAllergies({ allergies, unknown, severe }: { allergies: readonly AllergyItem[]; unknown: boolean; severe: boolean }) {
  const { t } = useTranslation();
  if (unknown) {
    return (
      <p className="patient-banner__allergy patient-banner__allergy--unknown" data-testid="banner-allergy" data-state="unknown">
        {t('consultation.banner.allergiesUnknown')}
      </p>
    );
  }
  if (allergies.length === 0) {
    return (
      <p className="patient-banner__allergy" data-testid="banner-allergy" data-state="none">
        {t('consultation.banner.noAllergies')}
      </p>
    );
  }
  const list = allergies.map((a) => (a.reactions.length ? t('consultation.banner.allergyItem', { substance: a.substance, reactions: a.reactions.join(t('record.listSeparator')) }) : a.substance)).join(t('record.listSeparator'));
  return (
    <p className={`patient-banner__allergy patient-banner__allergy--present${severe ? ' patient-banner__allergy--severe' : ''}`} data-testid="banner-allergy" data-state={severe ? 'severe' : 'present'}>
      <span className="patient-banner__allergy-icon" aria-hidden="true">
        !
      </span>
      {t('consultation.banner.allergies', { list })}
    </p>
  );
}
