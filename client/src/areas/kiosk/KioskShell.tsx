import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppShell } from '../../components/AppShell';
import { KioskExitControl } from '../../features/kiosk/KioskExitControl';
import { useFullscreenOnTouch } from '../../hooks/clinic/useFullscreenOnTouch';
import '../../styles/kiosk.css';
import '../../styles/kiosk-flow.css';
import '../../styles/kiosk-mode.css';

/**
 * Touch-first frame for the county-hospital kiosk: large type, 64px+ targets (styles/kiosk.css), full
 * screen from the first touch where allowed; signing out needs the staff PIN (KioskExitControl).
 */
export function KioskShell() {
  const { t } = useTranslation();
  useFullscreenOnTouch();
  return (
    <AppShell variant="kiosk" areaTitle={t('kiosk.areaTitle')} logout={<KioskExitControl />}>
      <Outlet />
    </AppShell>
  );
}
