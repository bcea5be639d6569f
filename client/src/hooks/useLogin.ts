import { useCallback, useRef, useState } from 'react';
import { toApiError } from '../api/api-error';
import { session } from '../state/session';
import type { SignInResult } from '../state/session-actions';

export interface LoginForm {
  username: string;
  password: string;
}

export interface UseLogin {
  /** Resolves with the user or the second step on success, null on failure (see `errorCode`). */
  login(form: LoginForm): Promise<SignInResult | null>;
  pending: boolean;
  /** `ApiError` code of the last failure, or `missing_credentials`; null when none. */
  errorCode: string | null;
}

export function useLogin(): UseLogin {
  const [pending, setPending] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const inFlight = useRef(false);

  const login = useCallback(async (form: LoginForm): Promise<SignInResult | null> => {
    if (inFlight.current) return null;
    const username = form.username.trim();
    if (!username || !form.password) {
      setErrorCode('missing_credentials');
      return null;
    }
    inFlight.current = true;
    setPending(true);
    setErrorCode(null);
    try {
      return await session.signIn({ username, password: form.password });
    } catch (err) {
      setErrorCode(toApiError(err).code);
      return null;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }, []);

  return { login, pending, errorCode };
}
