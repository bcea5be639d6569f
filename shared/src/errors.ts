import { z } from 'zod';

/**
 * One error currency for REST responses and socket acks: `{ code, message, details? }`.
 * Each code maps to exactly one HTTP status.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  already_booked: 409,
  session_full: 409,
  revision_conflict: 409,
  /** A field invitation past its expiry (ask the expert for a new one). */
  invitation_expired: 410,
  payload_too_large: 413,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  upstream_unavailable: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const errorCodes = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const ApiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
