import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeatures } from '../../components/PlannedFeatures';

/** Expert home: today's clinic queue (placeholder until the queue is built). */
export function ExpertHomePage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="expert-home">
      <PageHeader title={t('expert.homeTitle')} intro={t('expert.homeIntro')} />
      <PlannedFeatures items={[t('expert.plannedQueue'), t('expert.plannedVideo'), t('expert.plannedNotes'), t('expert.plannedPrescription')]} />
    </div>
  );
}
