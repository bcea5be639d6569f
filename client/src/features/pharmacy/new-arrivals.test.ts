import { describe, expect, it } from 'vitest';
import { NewArrivals } from './new-arrivals';
import { reviewed } from './review-test-fixture';

describe('new prescriptions arriving in the review queue', () => {
  it('the queue as opened is not new; a later one awaiting review is, once', () => {
    const arrivals = new NewArrivals();
    const a = reviewed({ id: 'a' });
    expect(arrivals.next([a])).toEqual([]);
    const b = reviewed({ id: 'b' });
    expect(arrivals.next([a, b]).map((p) => p.id)).toEqual(['b']);
    expect(arrivals.next([a, b])).toEqual([]);
  });

  it('a change to one already there is not new; its revised version coming back for review is', () => {
    const arrivals = new NewArrivals();
    arrivals.next([reviewed({ id: 'a' })]);
    expect(arrivals.next([reviewed({ id: 'a', status: 'rejected' })])).toEqual([]);
    expect(arrivals.next([reviewed({ id: 'a', version: 2 })]).map((p) => p.version)).toEqual([2]);
    expect(arrivals.next([reviewed({ id: 'c', status: 'approved' })])).toEqual([]);
  });
});
