import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireRole } from '../auth/RequireRole';
import { LoadingScreen } from '../components/LoadingScreen';
import { StandaloneLayout } from '../components/StandaloneLayout';
import { HomeRedirect } from '../pages/HomeRedirect';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ROLE_AREAS } from './role-areas';

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
