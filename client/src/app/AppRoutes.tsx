import { ROLES } from '@cloudclinic/shared';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { KioskLoginGuard } from '../auth/KioskLoginGuard';
import { RequireRole } from '../auth/RequireRole';
import { LoadingScreen } from '../components/LoadingScreen';
import { StandaloneLayout } from '../components/StandaloneLayout';
import { HomeRedirect } from '../pages/HomeRedirect';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { preloadable } from './preloadable';
import { ROLE_AREAS } from './role-areas';

/** The consultation room (own chunk: mediasoup-client loads only when a room is opened). */
export const roomPage = preloadable(() => import('../pages/RoomPage'));
const RoomPage = roomPage.Component;
/** Shared imaging over the whole window (own chunk: Cornerstone3D loads only here and in the panel). */
const ImagingPage = lazy(() => import('../features/imaging/ImagingPage'));
/** The public page behind the QR on a printed prescription (no login). */
const PublicVerificationPage = lazy(() => import('../features/verification/PublicVerificationPage'));
/** The public page of a joint opinion's signatures (no login). */
const OpinionVerificationPage = lazy(() => import('../features/verification/OpinionVerificationPage'));
/** 多学科会诊: the sittings of standing MDT boards, and one sitting's room. */
const MdtMeetingListPage = lazy(() => import('../features/mdt/MdtMeetingListPage'));
const MdtMeetingPage = lazy(() => import('../features/mdt/MdtMeetingPage'));
const MDT_ROLES = ['expert', 'county_doctor', 'admin'] as const;
/** 账户安全: two-factor sign-in for the signed-in user. */
const AccountSecurityPage = lazy(() => import('../features/account/AccountSecurityPage'));

/** Everyone but the kiosk (a device account: no second factor, no account pages). */
const STAFF_ROLES = ROLES.filter((r) => r !== 'kiosk');

export function AppRoutes() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route
          path="/login"
          element={
            <KioskLoginGuard>
              <LoginPage />
            </KioskLoginGuard>
          }
        />
        <Route path="/verify/:prescriptionId" element={<PublicVerificationPage />} />
        <Route path="/verify/opinion/:opinionId" element={<OpinionVerificationPage />} />
        {ROLE_AREAS.map(({ role, path, screen: { Component } }) => (
          <Route
            key={role}
            path={`${path}/*`}
            element={
              <RequireRole role={role}>
                <Component />
              </RequireRole>
            }
          />
        ))}
        <Route
          path="/account/security"
          element={
            <RequireRole role={STAFF_ROLES}>
              <AccountSecurityPage />
            </RequireRole>
          }
        />
        <Route
          path="/imaging/:consultationId"
          element={
            <RequireRole role={ROLES}>
              <ImagingPage />
            </RequireRole>
          }
        />
        <Route
          path="/mdt"
          element={
            <RequireRole role={MDT_ROLES}>
              <MdtMeetingListPage />
            </RequireRole>
          }
        />
        <Route
          path="/mdt/:meetingId"
          element={
            <RequireRole role={MDT_ROLES}>
              <MdtMeetingPage />
            </RequireRole>
          }
        />
        <Route
          path="/room/:consultationId"
          element={
            <RequireRole role={ROLES}>
              <RoomPage />
            </RequireRole>
          }
        />
        <Route
          path="*"
          element={
            <StandaloneLayout>
              <NotFoundPage />
            </StandaloneLayout>
          }
        />
      </Routes>
    </Suspense>
  );
}
