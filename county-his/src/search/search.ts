import { badRequest } from '../fhir/fhir-error';
import type { ReadableType } from '../fhir/resource-types';
import type { ResourceStore } from '../store/resource-store';
import type { StoredResource } from '../store/stored-resource';
import { compileCriterion, sortKey } from './matchers';
import { paramDef } from './param-definitions';

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;

/** Query as Express and URLSearchParams give it: each name with one or more values. */
export type SearchQuery = Record<string, string | string[] | undefined>;

export interface SearchOutcome {
  page: StoredResource[];
  total: number;
  offset: number;
  count: number;
  summaryCount: boolean;
  /** The parameters that were applied, in order, for the self link. */
  applied: [string, string][];
  /** Parameters the server did not understand and ignored (lenient handling). */
  ignored: string[];
}

const CONTROL = new Set(['_count', '_offset', '_sort', '_summary', '_format', '_total', '_pretty']);

function intParam(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw badRequest(`${name} must be a non-negative integer`);
  return Math.min(max, Math.max(min, Number(value)));
}

function single(query: SearchQuery, name: string): string | undefined {
  const v = query[name];
  if (Array.isArray(v)) {
    if (v.length > 1) throw badRequest(`${name} may be given only once`);
    return v[0];
  }
  return v;
}

function patientFilter(type: ReadableType, query: SearchQuery): string | undefined {
  for (const name of ['patient', 'subject']) {
    const v = query[name];
    if (paramDef(type, name)?.target !== 'Patient') continue;
    if (typeof v === 'string' && !v.includes(',')) return v.split('/').filter(Boolean).at(-1);
  }
  return undefined;
}

/**
 * Runs a FHIR search against the store. Parameters combine with AND (repeated names too), the
 * comma-separated values of one parameter with OR. Paging is `_count` (default 20, at most 1000)
 * and `_offset`; `_sort` takes any search parameter, `-` for descending.
 */
export function runSearch(store: ResourceStore, type: ReadableType, query: SearchQuery, options: { strict: boolean }): SearchOutcome {
  const predicates: ((r: unknown) => boolean)[] = [];
  const applied: [string, string][] = [];
  const ignored: string[] = [];
  for (const [key, rawValue] of Object.entries(query)) {
    if (rawValue === undefined || CONTROL.has(key)) continue;
    const [name = '', modifier] = key.split(':');
    const def = paramDef(type, name);
    if (!def) {
      if (options.strict) throw badRequest(`Unknown search parameter ${key} for ${type}`);
      ignored.push(key);
      continue;
    }
    for (const value of Array.isArray(rawValue) ? rawValue : [rawValue]) {
      predicates.push(compileCriterion(name, modifier, def, value));
      applied.push([key, value]);
    }
  }

  const count = intParam('_count', single(query, '_count'), DEFAULT_COUNT, 0, MAX_COUNT);
  const offset = intParam('_offset', single(query, '_offset'), 0, 0, Number.MAX_SAFE_INTEGER);
  const summary = single(query, '_summary');
  if (summary !== undefined && summary !== 'count' && summary !== 'false') throw badRequest(`_summary=${summary} is not supported (use count)`);

  const patientId = patientFilter(type, query);
  const candidates = patientId !== undefined ? store.ofPatient(type, patientId) : store.all(type);
  const matches = candidates.filter((r) => predicates.every((p) => p(r)));

  const sort = single(query, '_sort');
  if (sort !== undefined) {
    const keys = sort.split(',').filter(Boolean).map((s) => {
      const desc = s.startsWith('-');
      const name = desc ? s.slice(1) : s;
      const def = paramDef(type, name);
      if (!def) throw badRequest(`Cannot sort ${type} by ${name}`);
      return { desc, def };
    });
    const decorated = matches.map((r) => ({ r, k: keys.map((k) => sortKey(r, k.def)) }));
    decorated.sort((a, b) => {
      for (let i = 0; i < keys.length; i++) {
        const x = a.k[i];
        const y = b.k[i];
        if (x === y) continue;
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        const c = x < y ? -1 : 1;
        return keys[i]?.desc ? -c : c;
      }
      return 0;
    });
    matches.splice(0, matches.length, ...decorated.map((d) => d.r));
    applied.push(['_sort', sort]);
  }

  return {
    page: summary === 'count' ? [] : matches.slice(offset, offset + count),
    total: matches.length,
    offset,
    count,
    summaryCount: summary === 'count',
    applied,
    ignored,
  };
}
