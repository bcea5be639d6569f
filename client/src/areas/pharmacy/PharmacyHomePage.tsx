import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeatures } from '../../components/PlannedFeatures';

/** Pharmacist home: prescription review queue (placeholder). */
export function PharmacyHomePage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="pharmacy-home">
      <PageHeader title={t('pharmacy.homeTitle')} intro={t('pharmacy.homeIntro')} />
      <PlannedFeatures items={[t('pharmacy.plannedReview'), t('pharmacy.plannedDispense'), t('pharmacy.plannedHistory')]} />
    </div>
  );
}
