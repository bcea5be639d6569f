import { useEffect } from 'react';
import { session } from '../state/session';

/** Once per page load: refreshes the profile of a session restored from sessionStorage. */
export function useSessionRevalidation(): void {
  useEffect(() => {
    void session.revalidate();
  }, []);
}
