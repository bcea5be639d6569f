import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../hooks/useSession';

/** A signed-in kiosk never reaches the login page (and its demo accounts): leaving kiosk mode needs the staff PIN. */
export function KioskLoginGuard({ children }: { children: ReactNode }) {
  const snapshot = useSession();
  if (snapshot.status === 'signed_in' && snapshot.session.user.role === 'kiosk') return <Navigate to="/kiosk" replace />;
  return <>{children}</>;
}
