import { randomUUID } from 'node:crypto';
import type { SearchOutcome } from '../search/search';
import type { StoredResource } from '../store/stored-resource';

interface BundleLink {
  relation: string;
  url: string;
}

function pageUrl(base: string, type: string, applied: readonly [string, string][], count: number, offset: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of applied) params.append(k, v);
  params.set('_count', String(count));
  params.set('_offset', String(offset));
  return `${base}/${type}?${params.toString()}`;
}

/**
 * A `searchset` Bundle with `total` and paging links: self, first, previous, next, last.
 * Paging is by offset: follow `next` until it is absent.
 */
export function searchsetBundle(base: string, type: string, outcome: SearchOutcome, now: Date) {
  const { applied, count, offset, total } = outcome;
  const link: BundleLink[] = [{ relation: 'self', url: pageUrl(base, type, applied, count, offset) }];
  if (!outcome.summaryCount && count > 0) {
    const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / count) * count;
    link.push({ relation: 'first', url: pageUrl(base, type, applied, count, 0) });
    if (offset > 0) link.push({ relation: 'previous', url: pageUrl(base, type, applied, count, Math.max(0, offset - count)) });
    if (offset + count < total) link.push({ relation: 'next', url: pageUrl(base, type, applied, count, offset + count) });
    link.push({ relation: 'last', url: pageUrl(base, type, applied, count, lastOffset) });
  }
  return {
    resourceType: 'Bundle' as const,
    id: randomUUID(),
    meta: { lastUpdated: now.toISOString() },
    type: 'searchset' as const,
    total,
    link,
    entry: outcome.page.map((resource: StoredResource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' as const },
    })),
  };
}
