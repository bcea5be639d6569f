import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppShell } from '../../components/AppShell';

/** Desktop workstation frame; renders the matched county page in its main area. */
export function CountyShell() {
  const { t } = useTranslation();
  return (
    <AppShell variant="desk" areaTitle={t('county.areaTitle')}>
      <Outlet />
    </AppShell>
  );
}
