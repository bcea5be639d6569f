import type { TrackingPoint } from '@cloudclinic/shared';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { CHART, chartLayout, niceMax } from './chart-model';
import { TrackingChart } from './TrackingChart';

const day = (d: number, filed: number, completed: number): TrackingPoint => ({ date: `2025-03-${String(d).padStart(2, '0')}`, filed, completed });
const points = [day(1, 4, 0), day(2, 0, 0), day(3, 10, 5)];

/** The bars drawn, as [series, value, height] in the order they appear. */
function bars(html: string): [string, number, number][] {
  return [...html.matchAll(/<rect class="tracking-chart__bar tracking-chart__bar--(\w+)"[^>]*height="([\d.]+)" data-value="(\d+)"/g)].map((m) => [m[1]!, Number(m[3]), Number(m[2])]);
}

beforeAll(async () => {
  initI18n();
  await i18next.changeLanguage('zh-CN');
});

describe('the tracking chart', () => {
  it('draws a pair of bars per day, heights proportional to the figures on a round scale', () => {
    const html = renderToStaticMarkup(<TrackingChart series={{ bucket: 'day', points }} />);
    const drawn = bars(html);
    expect(drawn.map(([s, v]) => [s, v])).toEqual([
      ['filed', 4],
      ['completed', 0],
      ['filed', 0],
      ['completed', 0],
      ['filed', 10],
      ['completed', 5],
    ]);
    const full = CHART.height - CHART.top - CHART.bottom;
    expect(drawn[4]![2]).toBeCloseTo(full);
    expect(drawn[5]![2]).toBeCloseTo(full / 2);
    expect(drawn[0]![2]).toBeCloseTo(full * 0.4);
    // Grid lines at 0, 2, 4, 6, 8, 10.
    expect([...html.matchAll(/<text x="\d+" y="[\d.]+" text-anchor="end">(\d+)<\/text>/g)].map((m) => Number(m[1]))).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('is named for screen readers, with its totals, and has the figures as a table', () => {
    const html = renderToStaticMarkup(<TrackingChart series={{ bucket: 'day', points }} />);
    const svg = /<svg[^>]*>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    const [titleId, descId] = /aria-labelledby="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? [];
    expect(html).toContain(`<h2 id="${titleId}">每日会诊申请与完成</h2>`);
    expect(html).toContain(`<desc id="${descId}">共 3 个时间点：提交申请 14 件，完成会诊 5 件。</desc>`);
    const table = /<table class="sr-only"[^>]*>.*<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain('<caption>每日会诊申请与完成</caption>');
    expect([...table.matchAll(/<tr><th scope="row">([\d-]+)<\/th><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g)].map((m) => m.slice(1))).toEqual([
      ['2025-03-01', '4', '0'],
      ['2025-03-02', '0', '0'],
      ['2025-03-03', '10', '5'],
    ]);
  });

  it('speaks English when asked, and names week points by their first day', async () => {
    await i18next.changeLanguage('en');
    const html = renderToStaticMarkup(<TrackingChart series={{ bucket: 'week', points: [day(1, 2, 1)] }} />);
    await i18next.changeLanguage('zh-CN');
    expect(html).toContain('Requests filed and completed per week');
    expect(html).toContain('<th scope="col">First day (7 days)</th>');
    expect(html).toContain('1 points: 2 requests filed, 1 consultations held.');
  });

  it('an empty period draws no bar taller than nothing and a 0–1 scale', () => {
    const html = renderToStaticMarkup(<TrackingChart series={{ bucket: 'day', points: [day(1, 0, 0), day(2, 0, 0)] }} />);
    expect(bars(html).every(([, , h]) => h === 0)).toBe(true);
    expect(chartLayout([day(1, 0, 0)]).max).toBe(1);
  });

  it('labels at most about 12 dates under a long axis', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ date: `2025-01-${String(i).padStart(2, '0')}`, filed: i, completed: 0 }));
    expect(chartLayout(many).columns.filter((c) => c.labelled).length).toBeLessThanOrEqual(12);
    expect([1, 2, 3, 7, 12, 51, 99, 100, 101].map(niceMax)).toEqual([1, 2, 5, 10, 20, 100, 100, 100, 200]);
  });
});
