import type { LoginResponse } from '@cloudclinic/shared';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createApiClient, type FetchLike, type TokenSource } from './api-client';
import { ApiError } from './api-error';

const user = {
  id: 'u1',
  username: 'dr.chen',
  displayName: '陈建华',
  role: 'expert',
  institution: { id: 'i1', name: '浙江医院', kind: 'provincial_hospital' },
  departmentId: 'd1',
  departmentName: '心血管内科',
} as const;

function loginResponse(n: number): LoginResponse {
  return { accessToken: `access-${n}`, refreshToken: `refresh-token-${n}`, expiresIn: 900, user: { ...user } };
}

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** In-memory token source mirroring what the session store does. */
function memoryTokens(initial: { access: string; refresh: string } | null) {
  let state = initial;
  const source: TokenSource & { rejected: number } = {
    rejected: 0,
    getAccessToken: () => state?.access ?? null,
    getRefreshToken: () => state?.refresh ?? null,
    onRefreshed: (r) => {
      state = { access: r.accessToken, refresh: r.refreshToken };
    },
    onRefreshRejected: () => {
      state = null;
      source.rejected += 1;
    },
  };
  return source;
}

interface Call {
  url: string;
  method: string;
  auth: string | null;
  body: unknown;
}

/** A fake server: `handler` decides each response; every call is recorded. */
function fakeFetch(handler: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn<FetchLike>(async (url, init) => {
    const headers = new Headers(init.headers);
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      auth: headers.get('authorization'),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    calls.push(call);
    return handler(call);
  });
  return { fetch, calls };
}

const Thing = z.object({ id: z.string() });

describe('apiRequest: success and schema parsing', () => {
  it('attaches the bearer token, sends JSON and returns the parsed body', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { id: 'x1', extra: 'stripped' }));
    const client = createApiClient({ fetch, tokens: memoryTokens({ access: 'a1', refresh: 'r1' }) });

    const result = await client.request('/api/things', { method: 'POST', body: { name: 'n' }, schema: Thing });

    expect(result).toEqual({ id: 'x1' });
    expect(calls).toEqual([{ url: '/api/things', method: 'POST', auth: 'Bearer a1', body: { name: 'n' } }]);
  });

  it('omits the Authorization header when auth is false or there is no session', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { id: 'x' }));
    await createApiClient({ fetch, tokens: memoryTokens({ access: 'a1', refresh: 'r1' }) }).request('/p', { schema: Thing, auth: false });
    await createApiClient({ fetch, tokens: memoryTokens(null) }).request('/p', { schema: Thing });
    expect(calls.map((c) => c.auth)).toEqual([null, null]);
  });

  it('prefixes the base URL', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { id: 'x' }));
    await createApiClient({ fetch, baseUrl: 'http://localhost:8080', tokens: memoryTokens(null) }).request('/api/x', { schema: Thing });
    expect(calls[0]?.url).toBe('http://localhost:8080/api/x');
  });

  it('parses an empty 204 body as undefined', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch, tokens: memoryTokens(null) });
    await expect(client.request('/api/auth/logout', { method: 'POST', schema: z.undefined() })).resolves.toBeUndefined();
  });

  it('turns a body that fails the schema into ApiError bad_response', async () => {
    const { fetch } = fakeFetch(() => json(200, { id: 42 }));
    const client = createApiClient({ fetch, tokens: memoryTokens(null) });
    const err = await client.request('/api/things', { schema: Thing }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'bad_response', status: 200 });
  });

  it('turns a non-JSON success body into bad_response', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>', { status: 200 }));
    const client = createApiClient({ fetch, tokens: memoryTokens(null) });
    await expect(client.request('/x', { schema: Thing })).rejects.toMatchObject({ code: 'bad_response' });
  });
});

describe('apiRequest: errors', () => {
  it('maps an error body to a typed ApiError with code, message, status and details', async () => {
    const { fetch } = fakeFetch(() =>
      json(423, { code: 'account_locked', message: 'locked', details: { lockedUntil: '2026-01-01T00:00:00Z' } }),
    );
    const client = createApiClient({ fetch, tokens: memoryTokens(null) });
    const err = await client.request('/api/auth/login', { method: 'POST', schema: Thing, auth: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: 'account_locked',
      message: 'locked',
      status: 423,
      details: { lockedUntil: '2026-01-01T00:00:00Z' },
    });
  });

  it('does not refresh on 401 invalid_credentials', async () => {
    const { fetch, calls } = fakeFetch(() => json(401, { code: 'invalid_credentials', message: 'wrong' }));
    const client = createApiClient({ fetch, tokens: memoryTokens({ access: 'a1', refresh: 'r1' }) });
    await expect(client.request('/api/x', { schema: Thing })).rejects.toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(calls).toHaveLength(1);
  });

  it('classifies error bodies that are not ApiError JSON by status', async () => {
    const { fetch } = fakeFetch((c) => (c.url === '/gw' ? new Response('Bad gateway', { status: 502 }) : new Response('', { status: 418 })));
    const client = createApiClient({ fetch, tokens: memoryTokens(null) });
    await expect(client.request('/gw', { schema: Thing })).rejects.toMatchObject({ code: 'unavailable', status: 502 });
    await expect(client.request('/teapot', { schema: Thing })).rejects.toMatchObject({ code: 'bad_response', status: 418 });
  });

  it('turns a fetch rejection into ApiError network with status 0', async () => {
    const fetch = vi.fn<FetchLike>(() => Promise.reject(new TypeError('Failed to fetch')));
    const client = createApiClient({ fetch, tokens: memoryTokens(null) });
    const err = await client.request('/api/x', { schema: Thing }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'network', status: 0 });
  });

  it('rethrows the caller’s own abort instead of reporting a network error', async () => {
    const controller = new AbortController();
    const abortError = new DOMException('aborted', 'AbortError');
    const fetch = vi.fn<FetchLike>(() => {
      controller.abort();
      return Promise.reject(abortError);
    });
    const client = createApiClient({ fetch, tokens: memoryTokens(null) });
    await expect(client.request('/x', { schema: Thing, signal: controller.signal })).rejects.toBe(abortError);
  });
});

describe('apiRequest: token refresh on 401', () => {
  /** A server whose only valid access token is `valid`; refresh issues access-N / refresh-token-N. */
  function expiringServer(opts: { refreshStatus?: number; refreshDelayMs?: number } = {}) {
    let valid = 'fresh-not-yet-issued';
    let issued = 0;
    return fakeFetch(async (call) => {
      if (call.url === '/api/auth/refresh') {
        if (opts.refreshDelayMs) await new Promise((r) => setTimeout(r, opts.refreshDelayMs));
        if (opts.refreshStatus) return json(opts.refreshStatus, { code: 'unauthorized', message: 'bad refresh token' });
        issued += 1;
        valid = `access-${issued}`;
        return json(200, loginResponse(issued));
      }
      if (call.auth !== `Bearer ${valid}`) return json(401, { code: 'token_expired', message: 'expired' });
      return json(200, { id: call.url });
    });
  }

  it('refreshes once with the refresh token, stores the rotated pair and retries with the new token', async () => {
    const { fetch, calls } = expiringServer();
    const tokens = memoryTokens({ access: 'old', refresh: 'refresh-token-0' });
    const client = createApiClient({ fetch, tokens });

    await expect(client.request('/api/a', { schema: Thing })).resolves.toEqual({ id: '/api/a' });

    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ['/api/a', 'Bearer old'],
      ['/api/auth/refresh', null],
      ['/api/a', 'Bearer access-1'],
    ]);
    expect(calls[1]?.body).toEqual({ refreshToken: 'refresh-token-0' });
    expect(tokens.getAccessToken()).toBe('access-1');
    expect(tokens.getRefreshToken()).toBe('refresh-token-1');
  });

  it('single-flight: concurrent 401s share one refresh call', async () => {
    const { fetch, calls } = expiringServer({ refreshDelayMs: 10 });
    const client = createApiClient({ fetch, tokens: memoryTokens({ access: 'old', refresh: 'refresh-token-0' }) });

    const results = await Promise.all([
      client.request('/api/a', { schema: Thing }),
      client.request('/api/b', { schema: Thing }),
      client.request('/api/c', { schema: Thing }),
    ]);

    expect(results).toEqual([{ id: '/api/a' }, { id: '/api/b' }, { id: '/api/c' }]);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
    expect(calls.filter((c) => c.url !== '/api/auth/refresh' && c.auth === 'Bearer access-1')).toHaveLength(3);
  });

  it('a 401 arriving after another request already refreshed retries without refreshing again', async () => {
    const tokens = memoryTokens({ access: 'old', refresh: 'refresh-token-0' });
    let releaseSlow: () => void = () => undefined;
    const { fetch, calls } = fakeFetch(async (call) => {
      if (call.url === '/api/auth/refresh') return json(200, loginResponse(1));
      if (call.url === '/api/slow' && call.auth === 'Bearer old') {
        await new Promise<void>((r) => (releaseSlow = r));
        return json(401, { code: 'token_expired', message: 'expired' });
      }
      return call.auth === 'Bearer access-1' ? json(200, { id: call.url }) : json(401, { code: 'token_expired', message: 'x' });
    });
    const client = createApiClient({ fetch, tokens });

    const slow = client.request('/api/slow', { schema: Thing });
    await client.request('/api/fast', { schema: Thing }); // refreshes
    releaseSlow();
    await expect(slow).resolves.toEqual({ id: '/api/slow' });
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('retries only once: a second 401 after refreshing is thrown', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url === '/api/auth/refresh' ? json(200, loginResponse(1)) : json(401, { code: 'unauthorized', message: 'no' }),
    );
    const client = createApiClient({ fetch, tokens: memoryTokens({ access: 'old', refresh: 'refresh-token-0' }) });
    await expect(client.request('/api/a', { schema: Thing })).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    expect(calls.map((c) => c.url)).toEqual(['/api/a', '/api/auth/refresh', '/api/a']);
  });

  it('a rejected refresh ends the session and every waiting request fails with the original 401', async () => {
    const { fetch, calls } = expiringServer({ refreshStatus: 401, refreshDelayMs: 5 });
    const tokens = memoryTokens({ access: 'old', refresh: 'refresh-token-0' });
    const client = createApiClient({ fetch, tokens });

    const outcomes = await Promise.allSettled([client.request('/api/a', { schema: Thing }), client.request('/api/b', { schema: Thing })]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'token_expired', status: 401 });
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
    expect(tokens.rejected).toBe(1);
    expect(tokens.getAccessToken()).toBeNull();
  });

  it('a refresh that fails on the network keeps the session and reports network', async () => {
    const tokens = memoryTokens({ access: 'old', refresh: 'refresh-token-0' });
    const fetch = vi.fn<FetchLike>(async (url) => {
      if (url === '/api/auth/refresh') throw new TypeError('offline');
      return json(401, { code: 'token_expired', message: 'expired' });
    });
    const client = createApiClient({ fetch, tokens });
    await expect(client.request('/api/a', { schema: Thing })).rejects.toMatchObject({ code: 'network' });
    expect(tokens.rejected).toBe(0);
    expect(tokens.getRefreshToken()).toBe('refresh-token-0');
  });

  it('does not try to refresh requests sent without auth', async () => {
    const { fetch, calls } = fakeFetch(() => json(401, { code: 'unauthorized', message: 'no' }));
    const client = createApiClient({ fetch, tokens: memoryTokens({ access: 'a', refresh: 'refresh-token-0' }) });
    await expect(client.request('/api/auth/refresh', { method: 'POST', schema: Thing, auth: false })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(calls).toHaveLength(1);
  });

  it('a new refresh can start after the previous one settled', async () => {
    const { fetch, calls } = expiringServer();
    const client = createApiClient({ fetch, tokens: memoryTokens({ access: 'old', refresh: 'refresh-token-0' }) });
    await expect(client.refreshSession()).resolves.toBe(true);
    await expect(client.refreshSession()).resolves.toBe(true);
    expect(calls.filter((c) => c.url === '/api/auth/refresh').map((c) => c.body)).toEqual([
      { refreshToken: 'refresh-token-0' },
      { refreshToken: 'refresh-token-1' },
    ]);
  });
});
