import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../pages/NotFoundPage';
import { AdminAuditPage } from './AdminAuditPage';
import { AdminHomePage } from './AdminHomePage';
import { AdminOutboxPage } from './AdminOutboxPage';
import { AdminInstitutionsPage } from './AdminInstitutionsPage';
import { AdminInvitationsPage } from './AdminInvitationsPage';
import { RequestInboxPage } from '../../features/requests/RequestInboxPage';
import { ReferralInboxPage } from '../../features/referral/ReferralInboxPage';
import { TrackingPage } from '../../features/tracking/TrackingPage';
import { AdminShell } from './AdminShell';
import { AdminUsersPage } from './AdminUsersPage';
import { AdminMdtPage } from '../../features/mdt/AdminMdtPage';

/** Routes under /admin/*. Loaded lazily (app/AppRoutes.tsx): add this area's pages here. */
export default function AdminArea() {
  return (
    <Routes>
      <Route element={<AdminShell />}>
        <Route index element={<AdminHomePage />} />
        <Route path="audit" element={<AdminAuditPage />} />
        <Route path="outbox" element={<AdminOutboxPage />} />
        <Route path="invitations" element={<AdminInvitationsPage />} />
        <Route path="users" element={<AdminUsersPage />} />
        <Route path="institutions" element={<AdminInstitutionsPage />} />
        <Route path="requests" element={<RequestInboxPage />} />
        <Route path="referrals" element={<ReferralInboxPage />} />
        <Route path="tracking" element={<TrackingPage />} />
        <Route path="mdt" element={<AdminMdtPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
