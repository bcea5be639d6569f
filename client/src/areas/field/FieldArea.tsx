import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { FieldConsultationPage } from './FieldConsultationPage';
import { FieldHomePage } from './FieldHomePage';
import { FieldJoinPage } from './FieldJoinPage';
import { FieldShell } from './FieldShell';

/** Routes under /field/*. Loaded lazily (app/AppRoutes.tsx): add this area's pages here. */
export default function FieldArea() {
  return (
    <Routes>
      <Route element={<FieldShell />}>
        <Route index element={<FieldHomePage />} />
        <Route path="join" element={<FieldJoinPage />} />
        <Route path="consultations/:id" element={<FieldConsultationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
