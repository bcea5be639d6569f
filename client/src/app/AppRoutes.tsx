import { ROLES } from '@cloudclinic/shared';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { LoadingScreen } from '../components/LoadingScreen';
import { StandaloneLayout } from '../components/StandaloneLayout';
import { HomeRedirect } from '../pages/HomeRedirect';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ROLE_AREAS } from './role-areas';

/** The consultation room (own chunk: mediasoup-client loads only when a room is opened). */
const RoomPage = lazy(() => import('../pages/RoomPage'));
/** Shared imaging over the whole window (own chunk: Cornerstone3D loads only here and in the panel). */
const ImagingPage = lazy(() => import('../features/imaging/ImagingPage'));

export function AppRoutes() {
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Routes>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/login" element={<LoginPage />} />
        {ROLE_AREAS.map(({ role, path, Component }) => (
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
          path="/imaging/:consultationId"
          element={
            <RequireRole role={ROLES}>
              <ImagingPage />
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
