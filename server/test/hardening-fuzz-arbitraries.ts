import fc from 'fast-check';
import * as shared from '@cloudclinic/shared';
import type { z } from 'zod';

/** Every REST request body schema of @cloudclinic/shared (exported as `…RequestSchema`). */
export const REST_REQUEST_SCHEMAS: z.ZodType[] = Object.entries(shared)
  .filter(([name, v]) => name.endsWith('RequestSchema') && typeof v === 'object' && v !== null && '_zod' in v)
  .map(([, v]) => v as z.ZodType);

/** Strings an attacker tries: control characters, huge, path tricks, encodings, injection. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '%ff', '%', '../..', '\u0000', '\ud800', '${x}', "' OR 1=1 --", '<script>', '__proto__', 'constructor', 'NaN', '-1', '1e309', 'x'.repeat(5000)),
);
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, -1, 0, 2 ** 53, -(2 ** 31), 1.5, Number.MAX_VALUE, true, [], {}) },
  { weight: 1, arbitrary: fc.constant({ __proto__: { admin: true }, constructor: { prototype: { x: 1 } } }) },
);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
  left?: z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Values shaped like `schema` (its keys, enum values, arrays) where any part may be replaced by a
 * hostile value: most inputs get past the outer checks and reach the deeper ones. `ids` are real
 * object ids mixed into strings so that handlers run past their look-ups.
 */
export function shapedLike(schema: z.ZodType, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (depth > 4) return hostileValue;
    switch (d.type) {
      case 'object': {
        const shape = d.shape ?? {};
        const entries = Object.entries(shape).map(([k, v]) => [k, shapedLike(v, ids, depth + 1)] as const);
        return fc.record(Object.fromEntries(entries), { requiredKeys: [] });
      }
      case 'array':
        return fc.array(d.element ? shapedLike(d.element, ids, depth + 1) : hostileValue, { maxLength: 4 });
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        return d.innerType ? shapedLike(d.innerType, ids, depth) : hostileValue;
      case 'pipe':
        return d.in ? shapedLike(d.in, ids, depth) : hostileValue;
      case 'union':
        return d.options?.length ? fc.oneof(...d.options.map((o) => shapedLike(o, ids, depth + 1))) : hostileValue;
      case 'intersection':
        return d.left ? shapedLike(d.left, ids, depth + 1) : hostileValue;
      case 'enum':
        return fc.constantFrom(...Object.values(d.entries ?? { x: 'x' }));
      case 'literal':
        return fc.constantFrom(...(d.values ?? [null]));
      case 'string':
        return ids.length ? fc.oneof(fc.constantFrom(...ids), nastyString, fc.string({ maxLength: 20 })) : nastyString;
      case 'number':
      case 'int':
        return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double());
      case 'boolean':
        return fc.boolean();
      case 'record':
        return fc.dictionary(fc.string({ maxLength: 8 }), d.valueType ? shapedLike(d.valueType, ids, depth + 1) : hostileValue, { maxKeys: 3 });
      default:
        return hostileValue;
    }
  })();
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

/** A signaling packet: a request shaped like a catalogue method's schema, a broken envelope, or an unknown event. */
export type FuzzPacket = { kind: 'request'; envelope: unknown } | { kind: 'event'; event: string; data: unknown };

export function socketPacket(catalogue: Record<string, { req: z.ZodType }>, ids: readonly string[]): fc.Arbitrary<FuzzPacket> {
  const method = fc.constantFrom(...Object.keys(catalogue));
  return fc.oneof(
    { weight: 8, arbitrary: method.chain((m) => (catalogue[m] ? shapedLike(catalogue[m].req, ids) : hostileValue).map((data): FuzzPacket => ({ kind: 'request', envelope: { method: m, data } }))) },
    { weight: 1, arbitrary: hostileValue.map((envelope): FuzzPacket => ({ kind: 'request', envelope })) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), hostileValue).map(([event, data]): FuzzPacket => ({ kind: 'event', event, data })) },
  );
}

/** Path segments that break decoders and routers. */
export const nastySegment = fc.constantFrom('%ff', '%', '%00', '..', 'x'.repeat(300), '%E4%B8', '1.2.3', '%2e%2e', ' ', 'null');

/** A REST request over `routes` as one of `who`, with hostile path parameters, queries and bodies shaped like `schemas`. */
export function restRequest<R extends { method: string; path: string }, W>(routes: readonly R[], who: readonly W[], schemas: readonly z.ZodType[], ids: readonly string[]) {
  return fc.record({
    route: fc.constantFrom(...routes),
    who: fc.constantFrom(...who),
    param: fc.oneof(fc.constantFrom(...ids), nastySegment, fc.string({ maxLength: 30 })),
    body: fc.oneof(fc.constantFrom(...schemas).chain((s) => shapedLike(s, ids)), hostileValue),
    query: fc.dictionary(fc.constantFrom('limit', 'status', 'from', 'to', 'q', 'date', 'viewport', 'quality', 'x'), fc.oneof(fc.string({ maxLength: 20 }), nastySegment), { maxKeys: 3 }),
    raw: fc.constantFrom('json', 'json', 'json', 'broken-json', 'text', 'gzip-claim'),
  });
}

/** The URL path, headers and body of a fuzzed REST request. */
export function restCall(r: { route: { method: string; path: string }; param: string; body: unknown; query: Record<string, unknown>; raw: string }, token: string | undefined) {
  const method = r.route.method === 'ALL' ? 'POST' : r.route.method;
  const path = r.route.path
    .replace(/\{\/\*rest\}/, '/series')
    .replace(/\{\/?\*any\}/, encodeURI(r.param))
    .replace(/:[A-Za-z]+/g, () => (r.param.includes('%') ? r.param : encodeURIComponent(r.param)));
  const qs = new URLSearchParams(Object.entries(r.query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let payload: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = r.raw === 'text' ? 'text/plain' : 'application/json';
    if (r.raw === 'gzip-claim') headers['content-encoding'] = 'gzip';
    payload = r.raw === 'broken-json' ? '{"a":' : (JSON.stringify(r.body) ?? 'null');
  }
  return { method, path, qs, headers, payload };
}
