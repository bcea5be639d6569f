import type { LoginResponse } from '@cloudclinic/shared';
import { describe, expect, it, vi } from 'vitest';
import { createSessionStore, SESSION_STORAGE_KEY, type SessionStorageLike } from './session-store';

const response: LoginResponse = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresIn: 900,
  user: {
    id: 'u1',
    username: 'kiosk.shengsi',
    displayName: '嵊泗县人民医院 云诊室1',
    role: 'kiosk',
    institution: { id: 'i2', name: '嵊泗县人民医院', kind: 'county_hospital' },
    departmentId: null,
    departmentName: null,
  },
};

function memoryStorage(initial: Record<string, string> = {}): SessionStorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('session store', () => {
  it('starts signed out with no reason', () => {
    const store = createSessionStore(memoryStorage());
    expect(store.getSnapshot()).toEqual({ status: 'signed_out', reason: null });
    expect(store.getAccessToken()).toBeNull();
  });

  it('signIn exposes the session, persists it and notifies subscribers', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);

    store.signIn(response);

    expect(store.getSnapshot()).toEqual({
      status: 'signed_in',
      session: { user: response.user, accessToken: 'access-1', refreshToken: 'refresh-1' },
    });
    expect(store.getAccessToken()).toBe('access-1');
    expect(store.getRefreshToken()).toBe('refresh-1');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(JSON.parse(storage.data.get(SESSION_STORAGE_KEY) ?? 'null')).toMatchObject({ accessToken: 'access-1' });
  });

  it('restores a persisted session (page reload)', () => {
    const storage = memoryStorage();
    createSessionStore(storage).signIn(response);
    const reloaded = createSessionStore(storage);
    expect(reloaded.getSnapshot()).toMatchObject({ status: 'signed_in', session: { accessToken: 'access-1' } });
  });

  it('discards corrupt or invalid persisted data', () => {
    const corrupt = memoryStorage({ [SESSION_STORAGE_KEY]: '{not json' });
    expect(createSessionStore(corrupt).getSnapshot().status).toBe('signed_out');

    const invalid = memoryStorage({ [SESSION_STORAGE_KEY]: JSON.stringify({ accessToken: 'a', refreshToken: 'r', user: { role: 'x' } }) });
    expect(createSessionStore(invalid).getSnapshot().status).toBe('signed_out');
    expect(invalid.data.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it('signOut clears storage and records the reason', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage);
    store.signIn(response);
    store.signOut('idle');
    expect(store.getSnapshot()).toEqual({ status: 'signed_out', reason: 'idle' });
    expect(storage.data.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(store.getRefreshToken()).toBeNull();
  });

  it('signOut while signed out is a no-op (keeps the first reason, no notification)', () => {
    const store = createSessionStore(null);
    store.signIn(response);
    store.signOut('expired');
    const listener = vi.fn();
    store.subscribe(listener);
    store.signOut('user');
    expect(store.getSnapshot()).toEqual({ status: 'signed_out', reason: 'expired' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps the snapshot reference stable between changes (useSyncExternalStore contract)', () => {
    const store = createSessionStore(null);
    store.signIn(response);
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.updateUser({ ...response.user, displayName: '新名字' });
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second).toMatchObject({ status: 'signed_in', session: { user: { displayName: '新名字' }, accessToken: 'access-1' } });
  });

  it('updateUser does nothing when signed out', () => {
    const store = createSessionStore(null);
    store.updateUser(response.user);
    expect(store.getSnapshot().status).toBe('signed_out');
  });

  it('unsubscribe stops notifications', () => {
    const store = createSessionStore(null);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    store.signIn(response);
    expect(listener).not.toHaveBeenCalled();
  });

  it('survives a storage that throws (privacy mode, quota)', () => {
    const throwing: SessionStorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const store = createSessionStore(throwing);
    expect(() => store.signIn(response)).not.toThrow();
    expect(store.getSnapshot().status).toBe('signed_in');
    expect(() => store.signOut('user')).not.toThrow();
  });
});
