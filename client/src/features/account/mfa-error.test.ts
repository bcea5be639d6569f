import { describe, expect, it } from 'vitest';
import { mfaErrorKey } from './mfa-error';

describe('mfaErrorKey', () => {
  it('reads a refused code as a wrong code, an expired challenge as "sign in again", not as a wrong password', () => {
    expect(mfaErrorKey('invalid_credentials')).toBe('mfa.wrongCode');
    expect(mfaErrorKey('token_expired')).toBe('mfa.challengeExpired');
    expect(mfaErrorKey('unauthorized')).toBe('mfa.challengeExpired');
    expect(mfaErrorKey('rate_limited')).toBe('mfa.rateLimited');
    expect(mfaErrorKey('network')).toBe('errors.network');
    expect(mfaErrorKey('no_such_code')).toBe('errors.unknown');
  });
});
