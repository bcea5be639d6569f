import { useState } from 'react';
import { toApiError } from '../api/api-error';

/**
 * Runs an action on data the screen re-reads: `pending` while it runs, the `ApiError` code of its
 * failure, and `reload` afterwards whatever the outcome. `run` resolves true when it succeeded.
 */
export function useReloadingAction(reload: () => void) {
  const [pending, setPending] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setPending(true);
    setActionError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setActionError(toApiError(err).code);
      return false;
    } finally {
      setPending(false);
      reload();
    }
  }
  return { pending, actionError, run };
}
