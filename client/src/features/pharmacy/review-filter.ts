import type { PrescriptionStatus, PrescriptionView } from '@cloudclinic/shared';

/** The pharmacist's status filters, 待审核 first (the default); `all` also shows expired ones. */
export const REVIEW_FILTERS = ['under_review', 'approved', 'dispensed', 'rejected', 'all'] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

export function parseReviewFilter(value: string | null): ReviewFilter {
  return REVIEW_FILTERS.find((f) => f === value) ?? 'under_review';
}

export function matchesFilter(status: PrescriptionStatus, filter: ReviewFilter): boolean {
  return filter === 'all' || status === filter;
}

/**
 * Search over what is on the card: patient name, prescription number, drug name (Chinese or English).
 * `drugIds`: formulary ids the catalogue search found for the same text (its pinyin initials, e.g. amld).
 */
export function matchesSearch(rx: PrescriptionView, query: string, drugIds: ReadonlySet<string> = new Set()): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const texts = [rx.patient.name, rx.number, ...rx.items.flatMap((i) => [i.name, i.nameEn])];
  return texts.some((t) => t.toLowerCase().includes(q)) || rx.items.some((i) => drugIds.has(i.medicationId));
}
