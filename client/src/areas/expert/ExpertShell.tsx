import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppShell } from '../../components/AppShell';

/** Desktop workstation frame; renders the matched expert page in its main area. */
export function ExpertShell() {
  const { t } = useTranslation();
  return (
    <AppShell variant="desk" areaTitle={t('expert.areaTitle')}>
      <Outlet />
    </AppShell>
  );
}
