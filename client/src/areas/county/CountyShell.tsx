import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppShell } from '../../components/AppShell';
import { StaffCallBanner } from '../../features/kiosk/StaffCallBanner';

/** Desktop workstation frame; renders the matched county page in its main area. */
export function CountyShell() {
  const { t } = useTranslation();
  return (
    <AppShell variant="desk" areaTitle={t('county.areaTitle')}>
      <StaffCallBanner />
      <Outlet />
    </AppShell>
  );
}
