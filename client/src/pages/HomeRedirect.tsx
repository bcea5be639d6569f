import { Navigate } from 'react-router';
import { homePathFor } from '../auth/role-home';
import { useCurrentUser } from '../hooks/useSession';

/** `/`: the signed-in user's role home, else the login page. */
export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={user ? homePathFor(user.role) : '/login'} replace />;
}
