import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeatures } from '../../components/PlannedFeatures';

/** Admin home: management overview (placeholder). */
export function AdminHomePage() {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="admin-home">
      <PageHeader title={t('admin.homeTitle')} intro={t('admin.homeIntro')} />
      <PlannedFeatures items={[t('admin.plannedUsers'), t('admin.plannedSchedule'), t('admin.plannedAudit'), t('admin.plannedHealth')]} />
    </div>
  );
}
