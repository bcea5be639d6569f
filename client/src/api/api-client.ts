import { ApiErrorSchema, RefreshResponseSchema, type LoginResponse } from '@cloudclinic/shared';
import type { z } from 'zod';
import { ApiError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method?: HttpMethod;
  /** Serialised as JSON when present. */
  body?: unknown;
  /** Every successful response is parsed with this schema; use `z.undefined()` for 204 responses. */
  schema: z.ZodType<T>;
  /** Attach the bearer token and refresh once on 401 (default true). */
  auth?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

/** What the client needs to know about the signed-in session; implemented by the session store. */
export interface TokenSource {
  getAccessToken(): string | null;
  getRefreshToken(): string | null;
  /** Called with the rotated tokens (and fresh profile) after a successful refresh. */
  onRefreshed(response: LoginResponse): void;
  /** Called when the refresh token was rejected: the session is over. */
  onRefreshRejected(): void;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  tokens: TokenSource;
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Prefix for every path, e.g. `''` (same origin) or `http://localhost:8080`. */
  baseUrl?: string;
  refreshPath?: string;
}

export interface ApiClient {
  request<T>(path: string, options: RequestOptions<T>): Promise<T>;
  /**
   * Rotates the token pair. Concurrent callers share one in-flight refresh.
   * Resolves true when new tokens are in place, false when the refresh token was rejected;
   * rejects with `ApiError` (e.g. `network`) when the outcome is unknown.
   */
  refreshSession(): Promise<boolean>;
}

const RETRYABLE_401 = new Set(['token_expired', 'unauthorized']);

export function createApiClient(options: ApiClientOptions): ApiClient {
  const { tokens, baseUrl = '', refreshPath = '/api/auth/refresh' } = options;
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let inflightRefresh: Promise<boolean> | null = null;

  async function send<T>(path: string, opts: RequestOptions<T>, accessToken: string | null): Promise<T> {
    const headers: Record<string, string> = { ...opts.headers, Accept: 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;

    let response: Response;
    try {
      response = await fetchImpl(baseUrl + path, {
        method: opts.method ?? 'GET',
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal,
        credentials: 'same-origin',
      });
    } catch (cause) {
      if (opts.signal?.aborted) throw cause; // let callers see their own AbortError
      throw new ApiError({ code: 'network', message: 'Network request failed', status: 0, cause });
    }

    const payload = await readJson(response);
    if (!response.ok) throw errorFromResponse(response.status, payload);

    const parsed = opts.schema.safeParse(payload.ok ? payload.value : undefined);
    if (!parsed.success) {
      throw new ApiError({
        code: 'bad_response',
        message: `Unexpected response from ${path}`,
        status: response.status,
        details: parsed.error.issues,
      });
    }
    return parsed.data;
  }

  async function doRefresh(): Promise<boolean> {
    const refreshToken = tokens.getRefreshToken();
    if (!refreshToken) return false;
    try {
      const result = await send(refreshPath, { method: 'POST', body: { refreshToken }, schema: RefreshResponseSchema }, null);
      tokens.onRefreshed(result);
      return true;
    } catch (err) {
      // 4xx: the refresh token is invalid, reused or expired; anything else leaves the session as is.
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) {
        tokens.onRefreshRejected();
        return false;
      }
      throw err;
    }
  }

  function refreshSession(): Promise<boolean> {
    inflightRefresh ??= doRefresh().finally(() => {
      inflightRefresh = null;
    });
    return inflightRefresh;
  }

  async function request<T>(path: string, opts: RequestOptions<T>): Promise<T> {
    const useAuth = opts.auth ?? true;
    const tokenUsed = useAuth ? tokens.getAccessToken() : null;
    try {
      return await send(path, opts, tokenUsed);
    } catch (err) {
      if (!useAuth || !tokenUsed || !(err instanceof ApiError) || err.status !== 401 || !RETRYABLE_401.has(err.code)) throw err;
      // Another request may already have rotated the tokens while this one was in flight.
      const current = tokens.getAccessToken();
      const refreshed = current && current !== tokenUsed ? true : await refreshSession();
      const retryToken = tokens.getAccessToken();
      if (!refreshed || !retryToken) throw err;
      return send(path, opts, retryToken);
    }
  }

  return { request, refreshSession };
}

type JsonResult = { ok: true; value: unknown } | { ok: false };

async function readJson(response: Response): Promise<JsonResult> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { ok: false };
  }
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function errorFromResponse(status: number, payload: JsonResult): ApiError {
  const body = payload.ok ? ApiErrorSchema.safeParse(payload.value) : null;
  if (body?.success) {
    return new ApiError({ code: body.data.code, message: body.data.message, status, details: body.data.details });
  }
  // Not our error format (e.g. a proxy page): classify by status only.
  const code = status === 502 || status === 503 || status === 504 ? 'unavailable' : 'bad_response';
  return new ApiError({ code, message: `HTTP ${status}`, status });
}
