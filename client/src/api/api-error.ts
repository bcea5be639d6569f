import type { ErrorCode } from '@cloudclinic/shared';

/**
 * Codes an `ApiError` can carry: every server error code from `@cloudclinic/shared`,
 * plus the ones only the client can produce.
 *  - `network`: the request never got an HTTP response (offline, DNS, server down).
 *  - `bad_response`: an HTTP response arrived but did not match the expected schema.
 */
export type ClientErrorCode = 'network' | 'bad_response';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** The one error type thrown by `apiRequest` and the auth API. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when no response was received (`network`). */
  readonly status: number;
  readonly details: unknown;

  constructor(init: { code: ApiErrorCode; message: string; status: number; details?: unknown; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.details = init.details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Normalises anything thrown into an `ApiError`; non-API failures (bugs) become `internal` with status 0. */
export function toApiError(value: unknown): ApiError {
  if (value instanceof ApiError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new ApiError({ code: 'internal', message, status: 0, cause: value });
}
