import { z } from 'zod';

/** Loose views of what the HIS answers, for tests. */
export const ResourceJson = z.looseObject({ resourceType: z.string(), id: z.string().optional() });
export const BundleJson = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  total: z.number().optional(),
  link: z.array(z.object({ relation: z.string(), url: z.string() })).optional(),
  entry: z.array(z.looseObject({ fullUrl: z.string().optional(), resource: z.looseObject({ resourceType: z.string(), id: z.string() }) })).optional(),
});
export const OutcomeJson = z.looseObject({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(z.looseObject({ severity: z.string(), code: z.string(), diagnostics: z.string().optional() })).min(1),
});

export async function getJson(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export async function getBundle(url: string) {
  const r = await getJson(url);
  if (r.status !== 200) throw new Error(`GET ${url} → ${r.status}: ${JSON.stringify(r.body)}`);
  return BundleJson.parse(r.body);
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return getJson(url, { method: 'POST', headers: { 'content-type': 'application/fhir+json', ...headers }, body: JSON.stringify(body) });
}
