import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeatures } from '../../components/PlannedFeatures';

/** County doctor home: this hospital's cloud-clinic appointments (placeholder). */
export function CountyHomePage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="county-home">
      <PageHeader title={t('county.homeTitle')} intro={t('county.homeIntro')} />
      <PlannedFeatures items={[t('county.plannedBooking'), t('county.plannedCheckIn'), t('county.plannedAccompany'), t('county.plannedReferral')]} />
    </div>
  );
}
