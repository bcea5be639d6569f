import type { NextFunction, Request, Response } from 'express';
import { FhirError, operationOutcome, outcomeOf } from '../fhir/fhir-error';
import { sendFhir } from './send';

function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const status: unknown = Reflect.get(err, 'status');
  return typeof status === 'number' ? status : undefined;
}

/** Every error leaves as an OperationOutcome with its status; unknown errors as a generic 500. */
export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof FhirError) {
    if (err.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="county-his"');
    sendFhir(res, err.status, outcomeOf(err));
    return;
  }
  const status = statusOf(err);
  if (status === 400 || status === 413 || status === 415) {
    // body-parser: malformed JSON, body too large, unsupported charset
    const message = status === 400 ? 'The body is not valid JSON' : status === 413 ? 'The body is too large' : 'Unsupported content encoding';
    sendFhir(res, status, operationOutcome('error', status === 400 ? 'structure' : 'too-costly', message));
    return;
  }
  console.error('county-his: unexpected error', err);
  sendFhir(res, 500, operationOutcome('fatal', 'exception', 'Internal server error'));
}
