import { describe, expect, it } from 'vitest';
import { seriesPoints } from './series-points';

describe('seriesPoints: the chart’s points over a range of clinic days', () => {
  it('one point per day up to 62 days, empty days included, across a month end', () => {
    const s = seriesPoints('2025-02-27', 4, new Map([['2025-03-01', 3]]), new Map([['2025-02-28', 1]]));
    expect(s).toEqual({
      bucket: 'day',
      points: [
        { date: '2025-02-27', filed: 0, completed: 0 },
        { date: '2025-02-28', filed: 0, completed: 1 },
        { date: '2025-03-01', filed: 3, completed: 0 },
        { date: '2025-03-02', filed: 0, completed: 0 },
      ],
    });
    expect(seriesPoints('2025-01-01', 62, new Map(), new Map()).points).toHaveLength(62);
  });

  it('beyond 62 days, 7-day points from the first day; the last one is shorter and counts only its own days', () => {
    const filed = new Map([
      ['2025-01-01', 1],
      ['2025-01-07', 2],
      ['2025-01-08', 4],
      ['2025-03-04', 8],
      ['2025-03-05', 16],
    ]);
    const s = seriesPoints('2025-01-01', 63, filed, new Map());
    expect(s.bucket).toBe('week');
    expect(s.points).toHaveLength(9);
    expect(s.points[0]).toEqual({ date: '2025-01-01', filed: 3, completed: 0 });
    expect(s.points[1]).toEqual({ date: '2025-01-08', filed: 4, completed: 0 });
    // 2025-03-04 is day 62, the last of the range; 2025-03-05 lies outside it.
    expect(s.points[8]).toEqual({ date: '2025-02-26', filed: 8, completed: 0 });
    expect(seriesPoints('2025-01-01', 64, filed, new Map()).points).toHaveLength(10);
  });
});
