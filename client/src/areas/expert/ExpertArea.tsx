import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { ConsultationPage } from './ConsultationPage';
import { ExpertHomePage } from './ExpertHomePage';
import { RequestInboxPage } from '../../features/requests/RequestInboxPage';
import { ExpertShell } from './ExpertShell';

/** Routes under /expert/*. Loaded lazily (app/AppRoutes.tsx): add this area's pages here. */
export default function ExpertArea() {
  return (
    <Routes>
      <Route element={<ExpertShell />}>
        <Route index element={<ExpertHomePage />} />
        <Route path="consultations/:id" element={<ConsultationPage />} />
        <Route path="requests" element={<RequestInboxPage consultationLink={(id) => `/expert/consultations/${encodeURIComponent(id)}`} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
