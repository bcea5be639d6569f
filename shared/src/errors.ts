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
  /** An account with this username exists already. */
  username_taken: 409,
  /** Another institution already has this name (Chinese or English). */
  institution_name_taken: 409,
  /** A field invitation past its expiry (ask the expert for a new one). */
  invitation_expired: 410,
  /** A field invitation withdrawn by the expert or an administrator (ask for a new one). */
  invitation_revoked: 410,
  payload_too_large: 413,
  /** A body that is not JSON sent to a JSON route. */
  unsupported_media_type: 415,
  /** Something required is missing (a coded diagnosis, a child's weight, a field of the note); `details.missing` lists it. */
  incomplete: 422,
  /** A pharmacist's approval that does not acknowledge every warning the prescriber overrode; `details.missing` lists them. */
  warnings_unacknowledged: 422,
  /** Acknowledged warnings that are not those overridden in the version under review (a revised version, an unknown id). */
  acknowledgement_stale: 409,
  account_locked: 423,
  rate_limited: 429,
  internal: 500,
  upstream_unavailable: 502,
  unavailable: 503,
  /** Several nodes: this consultation's room is live on another node; `details.node` names it (reconnect there). */
  wrong_node: 421,
  /** The patient has not (or no longer) given telemedicine consent: not callable, not joinable. */
  consent_required: 409,
  /** The patient declined telemedicine consent; staff must re-open the check-in before a new answer. */
  consent_declined: 409,
  /** The patient is not in the county HIS (unknown HIS id, resident ID, or name + birth date). */
  patient_not_in_his: 422,
  /** What was typed does not match the HIS record (name, resident ID), or several patients match. */
  patient_identity_mismatch: 422,
  /** The patient's managing organization in the HIS is another institution. */
  patient_institution_mismatch: 422,
  /** An expert opens a consultation without an appointment or a scheduled request: break-glass needs a reason. */
  consultation_request_required: 403,
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
