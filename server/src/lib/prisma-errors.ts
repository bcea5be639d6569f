import { AppError } from './errors';

/** Seconds a client should wait before retrying after a database transaction timed out. */
export const TRANSACTION_RETRY_AFTER_SECONDS = 2;

function prismaCode(err: unknown): string | null {
  if (!(err instanceof Error) || !('code' in err)) return null;
  if (err.name !== 'PrismaClientKnownRequestError') return null;
  return typeof err.code === 'string' ? err.code : null;
}

/**
 * Prisma's known request errors that are the client's or the moment's fault, not a bug:
 * P2025 (the record is gone, e.g. after a concurrent update) → 404, P2002 (unique constraint) → 409,
 * P2028 (transaction timed out or closed under load) / P2024 (pool timeout) → 503 with Retry-After.
 */
export function fromPrismaError(err: unknown): AppError | null {
  switch (prismaCode(err)) {
    case 'P2025':
      return new AppError('not_found', 'The record was not found (it may have just been changed or removed)');
    case 'P2002':
      return new AppError('conflict', 'A record with these values already exists');
    case 'P2028':
    case 'P2024':
      return new AppError('unavailable', 'The database is busy; try again shortly', { retryAfterSeconds: TRANSACTION_RETRY_AFTER_SECONDS });
    default:
      return null;
  }
}
