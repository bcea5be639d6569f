import type { PrescriptionView } from '@cloudclinic/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { matchesFilter, matchesSearch, parseReviewFilter, REVIEW_FILTERS, type ReviewFilter } from '../../features/pharmacy/review-filter';
import { arrange } from '../../features/pharmacy/review-order';
import { useFormularySearch } from './useFormularySearch';

/** Letters only (amld): also asked of the formulary, which knows each drug's pinyin initials. */
const PINYIN = /^[a-z]{2,12}$/i;

export interface ReviewView {
  filter: ReviewFilter;
  query: string;
  shown: PrescriptionView[];
  counts: Record<ReviewFilter, number>;
  setFilter(filter: ReviewFilter): void;
  setQuery(query: string): void;
  /** The pharmacist acts on this card: it keeps its place (and stays listed) until the view changes. */
  hold(id: string): void;
}

/** The pharmacist's filter and search (kept in the URL: ?status=&q=) over the loaded queue, in a stable order. */
export function useReviewView(prescriptions: readonly PrescriptionView[]): ReviewView {
  const [params, setParams] = useSearchParams();
  const filter = parseReviewFilter(params.get('status'));
  const query = params.get('q') ?? '';
  const catalogue = useFormularySearch(PINYIN.test(query.trim()) ? query : '');
  const drugIds = useMemo(() => new Set(catalogue.results.map((m) => m.id)), [catalogue.results]);
  const viewKey = `${filter}\n${query}`;
  const [held, setHeld] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: viewKey, ids: new Set() });
  const heldIds = useMemo(() => (held.key === viewKey ? held.ids : new Set<string>()), [held, viewKey]);
  const previous = useRef<string[]>([]);

  const shown = useMemo(() => {
    const visible = prescriptions.filter((p) => heldIds.has(p.id) || (matchesFilter(p.status, filter) && matchesSearch(p, query, drugIds)));
    return arrange(visible, heldIds, previous.current);
  }, [prescriptions, heldIds, filter, query, drugIds]);
  useEffect(() => {
    previous.current = shown.map((p) => p.id);
  }, [shown]);

  const counts = useMemo(() => {
    const found = prescriptions.filter((p) => matchesSearch(p, query, drugIds));
    return Object.fromEntries(REVIEW_FILTERS.map((f) => [f, found.filter((p) => matchesFilter(p.status, f)).length])) as Record<ReviewFilter, number>;
  }, [prescriptions, query, drugIds]);

  const update = useCallback(
    (key: 'status' | 'q', value: string, fallback: string) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (value === fallback) next.delete(key);
        else next.set(key, value);
        return next;
      }, { replace: true }),
    [setParams],
  );
  const hold = useCallback((id: string) => setHeld((h) => ({ key: viewKey, ids: new Set(h.key === viewKey ? h.ids : []).add(id) })), [viewKey]);

  return { filter, query, shown, counts, hold, setFilter: (f) => update('status', f, 'under_review'), setQuery: (q) => update('q', q, '') };
}
