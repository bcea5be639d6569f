/** Why the county HIS could not answer. */
export type UnavailableReason = 'network' | 'timeout' | 'server-error' | 'rate-limited' | 'circuit-open' | 'invalid-response';

/** Base of every error the HIS client throws. */
export class HisError extends Error {
  override readonly name: string = 'HisError';
}

/**
 * The HIS is down, slow, overloaded, or answered garbage; or the circuit breaker is open.
 * The UI shows "HIS unavailable" and may offer a retry; reads were already retried.
 */
export class HisUnavailableError extends HisError {
  override readonly name = 'HisUnavailableError';
  constructor(
    readonly reason: UnavailableReason,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** Worth trying again right away (with backoff): a network blip, a timeout, a 5xx or 429. */
  get transient(): boolean {
    return this.reason !== 'circuit-open' && this.reason !== 'invalid-response';
  }
}

/** The resource does not exist in the HIS (404/410). */
export class HisNotFoundError extends HisError {
  override readonly name = 'HisNotFoundError';
  constructor(
    readonly resourceType: string,
    readonly id?: string,
  ) {
    super(id === undefined ? `${resourceType} not found in the HIS` : `${resourceType}/${id} not found in the HIS`);
  }
}

/** The HIS refused the request (400, 401, 403, 409, 412, 422 …): retrying will not help. */
export class HisRejectedError extends HisError {
  override readonly name = 'HisRejectedError';
  constructor(
    readonly status: number,
    message: string,
    /** The diagnostics of the HIS's OperationOutcome, when it sent one. */
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}
