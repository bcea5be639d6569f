import type { TrackingStats } from '@cloudclinic/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CHART, chartLayout } from './chart-model';

const short = (date: string) => date.slice(5);

/**
 * Requests filed vs requested consultations completed, one pair of bars per day (or per 7 days).
 * Screen readers get the chart's name and totals, and the same figures as a table.
 */
export function TrackingChart({ series }: { series: TrackingStats['series'] }) {
  const { t } = useTranslation();
  const id = useId();
  const { columns, ticks } = chartLayout(series.points);
  const filed = series.points.reduce((n, p) => n + p.filed, 0);
  const completed = series.points.reduce((n, p) => n + p.completed, 0);
  const title = t(`tracking.chart.title.${series.bucket}`);
  return (
    <figure className="tracking-chart" data-testid="tracking-chart">
      <figcaption className="tracking-chart__caption">
        <h2 id={`${id}-title`}>{title}</h2>
        <ul className="tracking-chart__legend">
          <li>
            <span className="tracking-chart__key tracking-chart__key--filed" aria-hidden="true" />
            {t('tracking.chart.filed')}
          </li>
          <li>
            <span className="tracking-chart__key tracking-chart__key--completed" aria-hidden="true" />
            {t('tracking.chart.completed')}
          </li>
        </ul>
      </figcaption>
      <svg className="tracking-chart__svg" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="tracking-chart-svg">
        <desc id={`${id}-desc`}>{t('tracking.chart.summary', { filed, completed, points: series.points.length })}</desc>
        {ticks.map((tick) => (
          <g key={tick.value} className="tracking-chart__tick">
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} />
            <text x={CHART.left - 6} y={tick.y + 4} textAnchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        {columns.map((c) => (
          <g key={c.date} data-date={c.date}>
            <rect className="tracking-chart__bar tracking-chart__bar--filed" x={c.filed.x} y={c.filed.y} width={c.filed.width} height={c.filed.height} data-value={c.filed.value} />
            <rect className="tracking-chart__bar tracking-chart__bar--completed" x={c.completed.x} y={c.completed.y} width={c.completed.width} height={c.completed.height} data-value={c.completed.value} />
            {c.labelled ? (
              <text className="tracking-chart__date" x={c.centre} y={CHART.height - CHART.bottom + 18} textAnchor="middle">
                {short(c.date)}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <table className="sr-only" data-testid="tracking-chart-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`tracking.chart.period.${series.bucket}`)}</th>
            <th scope="col">{t('tracking.chart.filed')}</th>
            <th scope="col">{t('tracking.chart.completed')}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p) => (
            <tr key={p.date}>
              <th scope="row">{p.date}</th>
              <td>{p.filed}</td>
              <td>{p.completed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
