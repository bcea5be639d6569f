import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppShell } from '../../components/AppShell';

/** Desktop workstation frame; renders the matched admin page in its main area. */
export function AdminShell() {
  const { t } = useTranslation();
  return (
    <AppShell variant="desk" areaTitle={t('admin.areaTitle')}>
      <Outlet />
    </AppShell>
  );
}
