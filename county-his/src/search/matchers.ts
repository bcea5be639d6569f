import { badRequest } from '../fhir/fhir-error';
import { isRecord, valuesAt } from '../fhir/json';
import { matchesDate, parseDateRange, type DatePrefix, type DateRange } from './date-range';
import type { ParamDef } from './param-definitions';

interface Token {
  system?: string;
  code: string;
}

function raw(resource: unknown, def: ParamDef): unknown[] {
  if (def.extract) return def.extract(resource);
  return (def.paths ?? []).flatMap((path) => valuesAt(resource, path));
}

/** Tokens in a node: a code, a boolean, a Coding, a CodeableConcept or an Identifier. */
function tokensOf(node: unknown): Token[] {
  if (typeof node === 'string') return [{ code: node }];
  if (typeof node === 'boolean') return [{ code: String(node) }];
  if (!isRecord(node)) return [];
  if (Array.isArray(node.coding)) return node.coding.flatMap(tokensOf);
  const system = typeof node.system === 'string' ? node.system : undefined;
  const code = typeof node.code === 'string' ? node.code : typeof node.value === 'string' ? node.value : undefined;
  return code === undefined ? [] : [{ ...(system !== undefined ? { system } : {}), code }];
}

function rangesOf(node: unknown): DateRange[] {
  if (typeof node === 'string') {
    const r = parseDateRange(node);
    return r ? [r] : [];
  }
  if (isRecord(node) && ('start' in node || 'end' in node)) {
    const start = typeof node.start === 'string' ? parseDateRange(node.start) : null;
    const end = typeof node.end === 'string' ? parseDateRange(node.end) : null;
    return [{ lo: start?.lo ?? -Infinity, hi: end?.hi ?? Infinity }];
  }
  return [];
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function tokenMatcher(value: string): (t: Token) => boolean {
  const bar = value.indexOf('|');
  if (bar < 0) return (t) => t.code === value;
  const system = value.slice(0, bar);
  const code = value.slice(bar + 1);
  if (system === '') return (t) => t.system === undefined && t.code === code;
  if (code === '') return (t) => t.system === system;
  return (t) => t.system === system && t.code === code;
}

function referenceMatcher(value: string, target: string | undefined): (ref: string) => boolean {
  const parts = value.split('/').filter(Boolean);
  const id = parts.at(-1) ?? '';
  const type = parts.length >= 2 ? parts.at(-2) : target;
  return (ref) => {
    const refParts = ref.split('/').filter(Boolean);
    return refParts.at(-1) === id && (type === undefined || refParts.at(-2) === type);
  };
}

const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le'] as const;

function dateParam(name: string, value: string): { prefix: DatePrefix; range: DateRange } {
  const head = value.slice(0, 2);
  const prefix = PREFIXES.find((p) => p === head);
  const rest = prefix ? value.slice(2) : /^[a-z]{2}/.test(value) ? null : value;
  if (rest === null) throw badRequest(`Unsupported date prefix in ${name}=${value} (supported: ${PREFIXES.join(', ')})`);
  const range = parseDateRange(rest);
  if (!range) throw badRequest(`Invalid date in ${name}=${value}`);
  return { prefix: prefix ?? 'eq', range };
}

/**
 * Compiles one `name[:modifier]=v1,v2` criterion into a predicate (values are ORed).
 * Throws a 400 FhirError for a malformed value or an unsupported modifier.
 */
export function compileCriterion(name: string, modifier: string | undefined, def: ParamDef, value: string): (resource: unknown) => boolean {
  const alternatives = value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  if (alternatives.length === 0) throw badRequest(`Empty value for search parameter ${name}`);
  switch (def.type) {
    case 'token': {
      if (modifier !== undefined) throw badRequest(`Unsupported modifier :${modifier} on token parameter ${name}`);
      const matchers = alternatives.map(tokenMatcher);
      return (r) => raw(r, def).flatMap(tokensOf).some((t) => matchers.some((m) => m(t)));
    }
    case 'reference': {
      if (modifier !== undefined) throw badRequest(`Unsupported modifier :${modifier} on reference parameter ${name}`);
      const matchers = alternatives.map((v) => referenceMatcher(v, def.target));
      return (r) =>
        raw(r, def)
          .flatMap((node) => (isRecord(node) && typeof node.reference === 'string' ? [node.reference] : []))
          .some((ref) => matchers.some((m) => m(ref)));
    }
    case 'date': {
      if (modifier !== undefined) throw badRequest(`Unsupported modifier :${modifier} on date parameter ${name}`);
      const params = alternatives.map((v) => dateParam(name, v));
      return (r) => raw(r, def).flatMap(rangesOf).some((range) => params.some((p) => matchesDate(range, p.prefix, p.range)));
    }
    case 'string': {
      const mode = modifier ?? def.match ?? 'prefix';
      if (mode !== 'prefix' && mode !== 'contains' && mode !== 'exact') throw badRequest(`Unsupported modifier :${modifier} on string parameter ${name}`);
      const wanted = alternatives.map((v) => (mode === 'exact' ? v : normalise(v)));
      return (r) =>
        raw(r, def)
          .filter((v): v is string => typeof v === 'string')
          .some((text) => {
            const t = mode === 'exact' ? text : normalise(text);
            return wanted.some((w) => (mode === 'exact' ? t === w : mode === 'contains' ? t.includes(w) : t.startsWith(w)));
          });
    }
  }
}

/** A sortable key for `_sort` (the earliest date, or the first token/string). */
export function sortKey(resource: unknown, def: ParamDef): number | string | undefined {
  const values = raw(resource, def);
  if (def.type === 'date') {
    const los = values.flatMap(rangesOf).map((r) => r.lo);
    return los.length > 0 ? Math.min(...los) : undefined;
  }
  if (def.type === 'token') return values.flatMap(tokensOf)[0]?.code;
  if (def.type === 'reference') return values.flatMap((n) => (isRecord(n) && typeof n.reference === 'string' ? [n.reference] : []))[0];
  const first = values.find((v): v is string => typeof v === 'string');
  return first;
}
