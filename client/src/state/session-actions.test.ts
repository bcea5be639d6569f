import type { LoginResponse, UserProfile } from '@cloudclinic/shared';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { AuthApi } from '../api/auth-api';
import { createSessionActions } from './session-actions';
import { createSessionStore } from './session-store';

const user: UserProfile = {
  id: 'u1',
  username: 'pharm.zhou',
  displayName: '周敏',
  role: 'pharmacist',
  institution: { id: 'i2', name: '嵊泗县人民医院', kind: 'county_hospital' },
  departmentId: 'd4',
  departmentName: '药剂科',
};
const login = (n: number): LoginResponse => ({ accessToken: `a${n}`, refreshToken: `r${n}`, expiresIn: 900, user });

function fakeAuth(overrides: Partial<AuthApi> = {}) {
  const auth = {
    login: vi.fn<AuthApi['login']>(() => Promise.resolve(login(1))),
    refresh: vi.fn<AuthApi['refresh']>(() => Promise.resolve(login(2))),
    logout: vi.fn<AuthApi['logout']>(() => Promise.resolve()),
    me: vi.fn<AuthApi['me']>(() => Promise.resolve(user)),
    ...overrides,
  };
  return auth;
}

describe('session actions', () => {
  it('signIn stores the session and returns the user', async () => {
    const store = createSessionStore(null);
    const auth = fakeAuth();
    await expect(createSessionActions(store, auth).signIn({ username: 'pharm.zhou', password: 'x' })).resolves.toEqual({ kind: 'signed_in', user });
    expect(store.getAccessToken()).toBe('a1');
    expect(auth.logout).not.toHaveBeenCalled();
  });

  it('signIn over an existing session revokes the old refresh token', async () => {
    const store = createSessionStore(null);
    store.signIn(login(0));
    const auth = fakeAuth();
    await createSessionActions(store, auth).signIn({ username: 'pharm.zhou', password: 'x' });
    expect(auth.logout).toHaveBeenCalledWith('r0');
    expect(store.getRefreshToken()).toBe('r1');
  });

  it('a two-factor account gets the challenge and no session until the second step completes', async () => {
    const store = createSessionStore(null);
    const challenge = { mfa: 'code' as const, challengeToken: 'challenge-token-0123456789', expiresIn: 300 };
    const actions = createSessionActions(store, fakeAuth({ login: () => Promise.resolve(challenge) }));
    await expect(actions.signIn({ username: 'dr.chen', password: 'x' })).resolves.toEqual({ kind: 'mfa', challenge });
    expect(store.getSnapshot().status).toBe('signed_out');
    expect(actions.completeSignIn(login(3))).toEqual(user);
    expect(store.getAccessToken()).toBe('a3');
  });

  it('a failed signIn leaves the store untouched and rethrows', async () => {
    const store = createSessionStore(null);
    const error = new ApiError({ code: 'invalid_credentials', message: 'no', status: 401 });
    const auth = fakeAuth({ login: () => Promise.reject(error) });
    await expect(createSessionActions(store, auth).signIn({ username: 'a', password: 'b' })).rejects.toBe(error);
    expect(store.getSnapshot()).toEqual({ status: 'signed_out', reason: null });
  });

  it('signOut clears locally at once even if revoking fails', () => {
    const store = createSessionStore(null);
    store.signIn(login(1));
    const auth = fakeAuth({ logout: vi.fn(() => Promise.reject(new Error('offline'))) });
    createSessionActions(store, auth).signOut('idle');
    expect(auth.logout).toHaveBeenCalledWith('r1');
    expect(store.getSnapshot()).toEqual({ status: 'signed_out', reason: 'idle' });
  });

  it('revalidate refreshes the profile', async () => {
    const store = createSessionStore(null);
    store.signIn(login(1));
    const auth = fakeAuth({ me: () => Promise.resolve({ ...user, displayName: '周敏（药师）' }) });
    await createSessionActions(store, auth).revalidate();
    expect(store.getSnapshot()).toMatchObject({ session: { user: { displayName: '周敏（药师）' } } });
  });

  it('revalidate signs out on 401 but keeps the session when offline', async () => {
    const store = createSessionStore(null);
    store.signIn(login(1));
    const offline = fakeAuth({ me: () => Promise.reject(new ApiError({ code: 'network', message: 'x', status: 0 })) });
    await createSessionActions(store, offline).revalidate();
    expect(store.getSnapshot().status).toBe('signed_in');

    const rejected = fakeAuth({ me: () => Promise.reject(new ApiError({ code: 'unauthorized', message: 'x', status: 401 })) });
    await createSessionActions(store, rejected).revalidate();
    expect(store.getSnapshot()).toEqual({ status: 'signed_out', reason: 'expired' });
  });

  it('revalidate does nothing when signed out', async () => {
    const auth = fakeAuth();
    await createSessionActions(createSessionStore(null), auth).revalidate();
    expect(auth.me).not.toHaveBeenCalled();
  });
});
