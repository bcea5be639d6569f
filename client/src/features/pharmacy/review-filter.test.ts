import { describe, expect, it } from 'vitest';
import { matchesFilter, matchesSearch, parseReviewFilter } from './review-filter';
import { reviewed } from './review-test-fixture';

describe('the pharmacist’s filters and search', () => {
  it('defaults to 待审核; an unknown value is the default', () => {
    expect([parseReviewFilter(null), parseReviewFilter('approved'), parseReviewFilter('<script>')]).toEqual(['under_review', 'approved', 'under_review']);
  });

  it('a status filter shows that status; all shows everything', () => {
    expect([matchesFilter('approved', 'under_review'), matchesFilter('approved', 'approved'), matchesFilter('expired', 'all')]).toEqual([false, true, true]);
  });

  it('finds by patient name, number, drug in either language, or the catalogue’s pinyin match', () => {
    const rx = reviewed({ id: 'a', number: 'RX20261206-ABCD' });
    expect(['王建', 'abcd', '氨氯地平', 'AMLODIPINE', '  '].map((q) => matchesSearch(rx, q))).toEqual([true, true, true, true, true]);
    expect(matchesSearch(rx, '李秀英')).toBe(false);
    expect(matchesSearch(rx, 'amld')).toBe(false);
    expect(matchesSearch(rx, 'amld', new Set(['amlodipine-5mg-tab']))).toBe(true);
  });
});
