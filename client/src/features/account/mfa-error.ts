import { errorMessageKey, type ErrorMessageKey } from '../../i18n/error-messages';

type MfaErrorKey = 'mfa.wrongCode' | 'mfa.challengeExpired' | 'mfa.rateLimited' | 'mfa.codeFormat' | ErrorMessageKey;

/** The message key for a failed code step: a wrong code reads as such, not as a wrong password. */
export function mfaErrorKey(code: string): MfaErrorKey {
  if (code === 'invalid_credentials') return 'mfa.wrongCode';
  if (code === 'token_expired' || code === 'unauthorized') return 'mfa.challengeExpired';
  if (code === 'rate_limited') return 'mfa.rateLimited';
  if (code === 'bad_request') return 'mfa.codeFormat';
  return errorMessageKey(code);
}
