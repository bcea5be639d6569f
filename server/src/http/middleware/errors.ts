import type { NextFunction, Request, Response } from 'express';
import { AppError, retryAfterOf, toAppError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';

/** What body-parser, the router and zlib throw for a request that is the client's fault. */
function fromRequestParsing(err: unknown): AppError | null {
  if (err instanceof URIError) return new AppError('bad_request', 'Malformed percent-encoding in the URL');
  if (typeof err !== 'object' || err === null) return null;
  const type = 'type' in err && typeof err.type === 'string' ? err.type : undefined;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  const status = 'status' in err && typeof err.status === 'number' ? err.status : undefined;
  if (type === 'entity.parse.failed') return new AppError('bad_request', 'Malformed JSON body');
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'Request body too large');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new AppError('bad_request', 'Unsupported body encoding');
  if (type === 'request.aborted') return new AppError('bad_request', 'Request body was aborted before it was complete');
  if (type === 'request.size.invalid') return new AppError('bad_request', 'Request body length does not match Content-Length');
  if (code?.startsWith('Z_') && status === 400) return new AppError('bad_request', 'Request body could not be decompressed');
  return null;
}

export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}`));
}

/** The single place where errors become HTTP responses. Unknown errors: generic 500, detail in the log only. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const appErr = fromRequestParsing(err) ?? toAppError(err);
    if (appErr.code === 'internal') log.error({ err, requestId: req.requestId }, 'unhandled error');
    else if (appErr.status >= 500) log.warn({ err, code: appErr.code, requestId: req.requestId }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    const retryAfter = retryAfterOf(appErr);
    if (retryAfter !== null) res.setHeader('Retry-After', String(retryAfter));
    // A request whose body was not read to the end: close the connection rather than read garbage as the next request.
    if (!req.complete) res.setHeader('Connection', 'close');
    res.status(appErr.status).json(appErr.toBody());
  };
}
