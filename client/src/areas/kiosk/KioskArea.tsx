import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { KioskHomePage } from './KioskHomePage';
import { KioskShell } from './KioskShell';

/** Routes under /kiosk/*. Loaded lazily (app/AppRoutes.tsx): add this area's pages here. */
export default function KioskArea() {
  return (
    <Routes>
      <Route element={<KioskShell />}>
        <Route index element={<KioskHomePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
