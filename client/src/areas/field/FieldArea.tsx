import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { FieldHomePage } from './FieldHomePage';
import { FieldShell } from './FieldShell';

/** Routes under /field/*. Loaded lazily (app/AppRoutes.tsx): add this area's pages here. */
export default function FieldArea() {
  return (
    <Routes>
      <Route element={<FieldShell />}>
        <Route index element={<FieldHomePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
