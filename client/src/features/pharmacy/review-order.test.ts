import { describe, expect, it } from 'vitest';
import { arrange, compareQueue } from './review-order';
import { reviewed } from './review-test-fixture';

const at = (h: number) => `2026-01-01T${String(h).padStart(2, '0')}:00:00Z`;
const review = (h: number) => ({ decision: 'approved' as const, by: { id: 'p', name: '周敏' }, at: at(h), reason: '', acknowledged: [] });
const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe('the pharmacist’s queue order', () => {
  const list = [
    reviewed({ id: 'done-early', status: 'dispensed', review: review(2), dispensedAt: at(3), updatedAt: at(3) }),
    reviewed({ id: 'late', submittedAt: at(9) }),
    reviewed({ id: 'to-dispense', status: 'approved', review: review(4), updatedAt: at(4) }),
    reviewed({ id: 'done-late', status: 'rejected', review: { ...review(8), decision: 'rejected' }, updatedAt: at(8) }),
    reviewed({ id: 'early', submittedAt: at(5) }),
  ];

  it('awaiting review oldest first, then awaiting dispensing, then finished newest action first', () => {
    expect(ids([...list].sort(compareQueue))).toEqual(['early', 'late', 'to-dispense', 'done-late', 'done-early']);
  });

  it('is the same whatever order the server sent', () => {
    expect(ids([...list].reverse().sort(compareQueue))).toEqual(ids([...list].sort(compareQueue)));
  });

  it('a card acted on keeps its place while the others stay sorted', () => {
    const before = arrange(list, new Set(), []);
    // "early" is approved: it would sort after "late"; held, it stays on top.
    const approved = list.map((p) => (p.id === 'early' ? { ...p, status: 'approved' as const, review: review(10), updatedAt: at(10) } : p));
    expect(ids(arrange(approved, new Set(['early']), ids(before)))).toEqual(ids(before));
    expect(ids(arrange(approved, new Set(), ids(before)))).toEqual(['late', 'to-dispense', 'early', 'done-late', 'done-early']);
  });

  it('a new arrival takes its sorted place without moving a held card', () => {
    const before = ids(arrange(list, new Set(), []));
    const next = [...list, reviewed({ id: 'newest', submittedAt: at(11) })];
    expect(ids(arrange(next, new Set(['early']), before))).toEqual(['early', 'late', 'newest', 'to-dispense', 'done-late', 'done-early']);
  });
});
