import type { NextFunction, Request, Response } from 'express';
import { AppError, toAppError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';

interface BodyParserError {
  type?: string;
  status?: number;
}

function fromBodyParser(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null || !('type' in err)) return null;
  const { type } = err as BodyParserError;
  if (type === 'entity.parse.failed') return new AppError('bad_request', 'Malformed JSON body');
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'Request body too large');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new AppError('bad_request', 'Unsupported body encoding');
  return null;
}

export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}`));
}

/** The single place where errors become HTTP responses. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const appErr = fromBodyParser(err) ?? toAppError(err);
    if (appErr.code === 'internal') log.error({ err, requestId: req.requestId }, 'unhandled error');
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(appErr.status).json(appErr.toBody());
  };
}
