import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppShell } from '../../components/AppShell';

/** Desktop workstation frame; renders the matched pharmacy page in its main area. */
export function PharmacyShell() {
  const { t } = useTranslation();
  return (
    <AppShell variant="desk" areaTitle={t('pharmacy.areaTitle')}>
      <Outlet />
    </AppShell>
  );
}
