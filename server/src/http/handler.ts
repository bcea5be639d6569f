import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { parseOrThrow } from '../lib/validation';

interface Spec<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType> {
  body?: B;
  params?: P;
  query?: Q;
  status?: number;
}

export interface HandlerInput<B, P, Q> {
  body: B;
  params: P;
  query: Q;
  req: Request;
  res: Response;
}

/**
 * Wraps a route: validates body, params and query with zod (400 `bad_request` listing each problem),
 * awaits the handler and sends its result as JSON. Errors go to the error middleware.
 */
export function handle<B extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  spec: Spec<B, P, Q>,
  fn: (input: HandlerInput<z.infer<B>, z.infer<P>, z.infer<Q>>) => Promise<unknown> | unknown,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      // Without a schema the value stays `unknown` (the default type parameters), so nothing is trusted.
      const body = (spec.body ? parseOrThrow(spec.body, req.body ?? {}, 'request body') : req.body) as z.infer<B>;
      const params = (spec.params ? parseOrThrow(spec.params, req.params, 'path parameters') : req.params) as z.infer<P>;
      const query = (spec.query ? parseOrThrow(spec.query, req.query, 'query parameters') : req.query) as z.infer<Q>;
      const result = await fn({ body, params, query, req, res });
      if (res.headersSent) return;
      if (result === undefined) res.status(spec.status ?? 204).end();
      else res.status(spec.status ?? 200).json(result);
    } catch (err) {
      next(err);
    }
  };
}
