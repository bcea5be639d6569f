import { useIdleLogout } from '../hooks/useIdleLogout';
import { useSessionRevalidation } from '../hooks/useSessionRevalidation';

/** App-wide session side effects: idle sign-out (30 min) and profile revalidation on reload. */
export function SessionEffects() {
  useIdleLogout();
  useSessionRevalidation();
  return null;
}
