import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { AdminHomePage } from './AdminHomePage';
import { AdminShell } from './AdminShell';

/** Routes under /admin/*. Loaded lazily (app/AppRoutes.tsx): add this area's pages here. */
export default function AdminArea() {
  return (
    <Routes>
      <Route element={<AdminShell />}>
        <Route index element={<AdminHomePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
