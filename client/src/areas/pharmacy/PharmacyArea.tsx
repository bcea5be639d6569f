import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { PharmacyHomePage } from './PharmacyHomePage';
import { PharmacyShell } from './PharmacyShell';

/** Routes under /pharmacy/*. Loaded lazily (app/AppRoutes.tsx): add this area's pages here. */
export default function PharmacyArea() {
  return (
    <Routes>
      <Route element={<PharmacyShell />}>
        <Route index element={<PharmacyHomePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
