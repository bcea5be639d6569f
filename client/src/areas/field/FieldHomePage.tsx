import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeatures } from '../../components/PlannedFeatures';

/** Field doctor home: today's visit tasks (placeholder). */
export function FieldHomePage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="field-home">
      <PageHeader title={t('field.homeTitle')} intro={t('field.homeIntro')} />
      <PlannedFeatures items={[t('field.plannedTasks'), t('field.plannedConsult'), t('field.plannedOffline')]} />
    </div>
  );
}
