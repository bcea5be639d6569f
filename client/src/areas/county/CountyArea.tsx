import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { CountyConsultationPage } from './CountyConsultationPage';
import { CountyHomePage } from './CountyHomePage';
import { CountyShell } from './CountyShell';
import { ReferralSlipPage } from '../../features/referral/ReferralSlipPage';

/** Routes under /county/*. Loaded lazily (app/AppRoutes.tsx): add this area's pages here. */
export default function CountyArea() {
  return (
    <Routes>
      <Route element={<CountyShell />}>
        <Route index element={<CountyHomePage />} />
        <Route path="consultations/:id" element={<CountyConsultationPage />} />
        <Route path="referrals/:id/slip" element={<ReferralSlipPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
