import type { z } from 'zod';
import { badRequest } from './errors';

export interface FieldIssue {
  path: string;
  message: string;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

/** Parse outside data with a schema; failure throws `bad_request` listing each field problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw badRequest(`Invalid ${what}`, { issues: issuesOf(result.error) });
  return result.data;
}
