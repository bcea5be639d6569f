import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeatures } from '../../components/PlannedFeatures';

/** Kiosk home: check-in and waiting screen for patients (placeholder). */
export function KioskHomePage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="kiosk-home">
      <PageHeader title={t('kiosk.homeTitle')} intro={t('kiosk.homeIntro')} />
      <PlannedFeatures items={[t('kiosk.plannedCheckIn'), t('kiosk.plannedWaiting'), t('kiosk.plannedVideo')]} />
    </div>
  );
}
