import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppShell } from '../../components/AppShell';
import '../../styles/kiosk.css';

/** Touch-first frame for the county-hospital kiosk: large type, 64px+ targets (styles/kiosk.css); renders the matched kiosk page in its main area. */
export function KioskShell() {
  const { t } = useTranslation();
  return (
    <AppShell variant="kiosk" areaTitle={t('kiosk.areaTitle')}>
      <Outlet />
    </AppShell>
  );
}
