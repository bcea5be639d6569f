import { statusOf, type ApiErrorBody, type ErrorCode } from '@cloudclinic/shared';
import { fromPrismaError } from './prisma-errors';

/** The one error type thrown inside the server; rendered as `{ code, message, details? }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return statusOf(this.code);
  }

  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError('bad_request', message, details);
export const unauthorized = (message = 'Authentication required') => new AppError('unauthorized', message);
export const forbidden = (message = 'You may not access this resource') => new AppError('forbidden', message);
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);
export const invalidState = (message: string, details?: unknown) => new AppError('invalid_state', message, details);
/** 422: something required is missing; `missing` names each part, `message` says it in words. */
export const incomplete = (message: string, missing: readonly string[], details: Record<string, unknown> = {}) =>
  new AppError('incomplete', message, { missing, ...details });

/**
 * Known database outcomes (see prisma-errors.ts) keep their meaning; anything else that is not an
 * AppError becomes a generic 500, the original going to the log only.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return fromPrismaError(err) ?? new AppError('internal', 'Internal server error');
}

/** Seconds to put in `Retry-After`, when the error carries them. */
export function retryAfterOf(err: AppError): number | null {
  const d: unknown = err.details;
  if (typeof d !== 'object' || d === null || !('retryAfterSeconds' in d)) return null;
  return typeof d.retryAfterSeconds === 'number' ? d.retryAfterSeconds : null;
}
