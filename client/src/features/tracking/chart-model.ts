import type { TrackingPoint } from '@cloudclinic/shared';

/** The drawing area of the chart, in SVG units (the SVG scales to its box). */
export const CHART = { width: 720, height: 220, left: 40, right: 8, top: 10, bottom: 30 } as const;

export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

export interface ChartColumn {
  date: string;
  filed: ChartBar;
  completed: ChartBar;
  /** Whether its date is written under the axis (every few columns when there are many). */
  labelled: boolean;
  /** The centre of the column, where its label goes. */
  centre: number;
}

export interface ChartLayout {
  columns: ChartColumn[];
  /** Horizontal grid lines: value and y. */
  ticks: { value: number; y: number }[];
  max: number;
}

/** A round top for the value axis, at least 1: 1, 2, 5, 10, 20, 50… times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/** Grouped bars (filed, completed) per point, scaled to the highest value; about 12 labelled dates at most. */
export function chartLayout(points: readonly TrackingPoint[]): ChartLayout {
  const max = niceMax(Math.max(0, ...points.map((p) => Math.max(p.filed, p.completed))));
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const base = CHART.top + plotHeight;
  const slot = points.length ? plotWidth / points.length : plotWidth;
  const barWidth = Math.max(1, Math.min(18, slot * 0.36));
  const every = Math.max(1, Math.ceil(points.length / 12));
  const bar = (x: number, value: number): ChartBar => {
    const height = (value / max) * plotHeight;
    return { x, y: base - height, width: barWidth, height, value };
  };
  const columns = points.map((p, i) => {
    const centre = CHART.left + slot * i + slot / 2;
    return { date: p.date, filed: bar(centre - barWidth - 1, p.filed), completed: bar(centre + 1, p.completed), labelled: i % every === 0, centre };
  });
  // niceMax gives 1, 2 or a multiple of 5: whole-number grid lines every max / 5 (or every 1).
  const steps = max % 5 === 0 ? 5 : max;
  const ticks = Array.from({ length: steps + 1 }, (_, i) => {
    const value = (max / steps) * i;
    return { value, y: base - (value / max) * plotHeight };
  });
  return { columns, ticks, max };
}
