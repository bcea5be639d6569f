import { Navigate, Route, Routes } from 'react-router';
import { KioskHomePage } from './KioskHomePage';
import { KioskShell } from './KioskShell';

/** Routes under /kiosk/*. Loaded lazily (app/AppRoutes.tsx). Any other kiosk path leads back to the flow: no way out but the staff PIN. */
export default function KioskArea() {
  return (
    <Routes>
      <Route element={<KioskShell />}>
        <Route index element={<KioskHomePage />} />
        <Route path="*" element={<Navigate to="/kiosk" replace />} />
      </Route>
    </Routes>
  );
}
