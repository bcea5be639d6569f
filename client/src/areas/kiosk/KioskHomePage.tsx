import { KioskFlow } from '../../features/kiosk/KioskFlow';
import '../../styles/clinic.css';
import '../../styles/kiosk-flow.css';

/** Kiosk home: the patient's check-in → consent → device check → waiting → video → summary flow. */
export function KioskHomePage() {
  return (
    <div className="page kiosk-page" data-testid="kiosk-home">
      <KioskFlow />
    </div>
  );
}
