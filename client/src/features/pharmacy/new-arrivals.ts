import type { PrescriptionView } from '@cloudclinic/shared';

/** A prescription awaiting review, per signed version (a revised one that comes back is new again). */
const keyOf = (rx: PrescriptionView) => `${rx.id}:${rx.version}`;

/**
 * New arrivals in the review queue: awaiting review and not in any earlier snapshot of this view.
 * Plain logic: `next` takes each snapshot and returns the ids that just arrived; the first snapshot
 * (the page opening) is the baseline and brings none.
 */
export class NewArrivals {
  private seen: Set<string> | null = null;

  next(list: readonly PrescriptionView[]): PrescriptionView[] {
    const waiting = list.filter((p) => p.status === 'under_review');
    if (this.seen === null) {
      this.seen = new Set(waiting.map(keyOf));
      return [];
    }
    const seen = this.seen;
    const fresh = waiting.filter((p) => !seen.has(keyOf(p)));
    for (const p of fresh) seen.add(keyOf(p));
    return fresh;
  }
}
