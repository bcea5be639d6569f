import { describe, expect, it, vi } from 'vitest';
import { createApiClient, type FetchLike } from './api-client';
import { createAuthApi } from './auth-api';

const profile = {
  id: 'u1',
  username: 'doc.wang',
  displayName: '王海东',
  role: 'county_doctor',
  institution: { id: 'i2', name: '嵊泗县人民医院', kind: 'county_hospital' },
  departmentId: null,
  departmentName: null,
};

function setup(respond: (url: string) => Response) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn<FetchLike>(async (url, init) => {
    requests.push({ url, init });
    return respond(url);
  });
  const client = createApiClient({
    fetch,
    tokens: {
      getAccessToken: () => 'access-token',
      getRefreshToken: () => 'refresh-token-abcdef',
      onRefreshed: () => undefined,
      onRefreshRejected: () => undefined,
    },
  });
  return { auth: createAuthApi(client), requests };
}

describe('auth api', () => {
  it('login posts credentials without a bearer token and returns the parsed session', async () => {
    const body = { accessToken: 'a', refreshToken: 'r', expiresIn: 900, user: profile };
    const { auth, requests } = setup(() => Response.json(body));
    await expect(auth.login({ username: 'doc.wang', password: 'Demo@2026' })).resolves.toEqual(body);
    expect(requests[0]?.url).toBe('/api/auth/login');
    expect(requests[0]?.init.method).toBe('POST');
    expect(new Headers(requests[0]?.init.headers).has('authorization')).toBe(false);
    expect(requests[0]?.init.body).toBe(JSON.stringify({ username: 'doc.wang', password: 'Demo@2026' }));
  });

  it('logout accepts 204 No Content', async () => {
    const { auth, requests } = setup(() => new Response(null, { status: 204 }));
    await expect(auth.logout('refresh-token-abcdef')).resolves.toBeUndefined();
    expect(requests[0]?.url).toBe('/api/auth/logout');
  });

  it('me sends the bearer token and validates the profile', async () => {
    const { auth, requests } = setup(() => Response.json(profile));
    await expect(auth.me()).resolves.toEqual(profile);
    expect(new Headers(requests[0]?.init.headers).get('authorization')).toBe('Bearer access-token');
  });

  it('me rejects a profile with an unknown role as bad_response', async () => {
    const { auth } = setup(() => Response.json({ ...profile, role: 'janitor' }));
    await expect(auth.me()).rejects.toMatchObject({ code: 'bad_response' });
  });
});
