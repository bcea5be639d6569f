import type { PrescriptionView } from '@cloudclinic/shared';

const RANK: Record<PrescriptionView['status'], number> = { under_review: 0, approved: 1, signed: 2, draft: 2, rejected: 2, dispensed: 2, expired: 2 };

const time = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : 0);
/** When the prescription reached the pharmacist (submitted, else signed). */
const arrived = (rx: PrescriptionView): number => time(rx.submittedAt ?? rx.signedAt ?? rx.createdAt);
/** The last thing done to it: dispensed, reviewed, or any change. */
const lastAction = (rx: PrescriptionView): number => Math.max(time(rx.dispensedAt), time(rx.review?.at), time(rx.updatedAt));

/**
 * Work first: awaiting review, oldest arrival first; then awaiting dispensing, oldest approval
 * first; then the finished ones, last action newest first. Ties by number, so the order is total.
 */
export function compareQueue(a: PrescriptionView, b: PrescriptionView): number {
  const rank = RANK[a.status] - RANK[b.status];
  if (rank !== 0) return rank;
  const by = RANK[a.status] === 0 ? arrived(a) - arrived(b) : RANK[a.status] === 1 ? time(a.review?.at) - time(b.review?.at) : lastAction(b) - lastAction(a);
  return by !== 0 ? by : a.number.localeCompare(b.number);
}

/**
 * The shown order: `visible` sorted, except that the cards the pharmacist has acted on in this view
 * (`held`) stay at the place they had in `previous`, so a card never moves away under the hand.
 */
export function arrange(visible: readonly PrescriptionView[], held: ReadonlySet<string>, previous: readonly string[]): PrescriptionView[] {
  const sorted = visible.filter((p) => !held.has(p.id)).sort(compareQueue);
  const pinned = visible
    .filter((p) => held.has(p.id))
    .map((p) => ({ p, at: previous.includes(p.id) ? previous.indexOf(p.id) : Number.MAX_SAFE_INTEGER }))
    .sort((x, y) => x.at - y.at);
  for (const { p, at } of pinned) sorted.splice(Math.min(at, sorted.length), 0, p);
  return sorted;
}
