import type { Role } from '@cloudclinic/shared';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../hooks/useSession';
import { StandaloneLayout } from '../components/StandaloneLayout';
import { ForbiddenPage } from '../pages/ForbiddenPage';

export interface LoginLocationState {
  /** Path to return to after logging in again. */
  from?: string;
}

interface RequireRoleProps {
  role: Role | readonly Role[];
  children: ReactNode;
}

/** Renders `children` only for a signed-in user with an allowed role; else login redirect or 403. */
export function RequireRole({ role, children }: RequireRoleProps) {
  const snapshot = useSession();
  const location = useLocation();

  if (snapshot.status === 'signed_out') {
    // After an automatic sign-out, come back to the same page; after "logout", start fresh.
    const state: LoginLocationState = snapshot.reason === 'user' ? {} : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  const allowed: readonly Role[] = typeof role === 'string' ? [role] : role;
  // A kiosk is a public screen locked to its own flow and the pages it takes part in (its room): any
  // other page leads back to it (leaving needs the staff PIN).
  if (snapshot.session.user.role === 'kiosk' && !allowed.includes('kiosk')) return <Navigate to="/kiosk" replace />;
  if (!allowed.includes(snapshot.session.user.role)) {
    return (
      <StandaloneLayout>
        <ForbiddenPage />
      </StandaloneLayout>
    );
  }
  return <>{children}</>;
}
