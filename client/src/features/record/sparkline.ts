/** Geometry of a small inline trend line (hand-drawn SVG, no chart library): time on x, value on y. */
export interface SparkInput {
  at: number;
  value: number;
  /** Drawn as an emphasised dot when not `N`. */
  abnormal: boolean;
}

export interface SparklineGeometry {
  width: number;
  height: number;
  /** SVG path `M x y L x y …`. */
  path: string;
  points: { x: number; y: number; abnormal: boolean }[];
  /** The reference range as a horizontal band, when it is known. */
  band: { y: number; height: number } | null;
}

export interface SparklineOptions {
  width: number;
  height: number;
  /** Inset so dots on the edge are not clipped. */
  padding: number;
  low?: number | null;
  high?: number | null;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Null when there is nothing numeric to draw. The domain spans the values and the reference range. */
export function sparkline(input: readonly SparkInput[], { width, height, padding, low = null, high = null }: SparklineOptions): SparklineGeometry | null {
  const data = input.filter((d) => Number.isFinite(d.value)).slice().sort((a, b) => a.at - b.at);
  const first = data[0];
  const last = data[data.length - 1];
  if (!first || !last) return null;
  const values = data.map((d) => d.value);
  const bounds = [...values, ...(low !== null ? [low] : []), ...(high !== null ? [high] : [])];
  const min = Math.min(...bounds);
  const max = Math.max(...bounds);
  const span = last.at - first.at;
  const innerW = width - 2 * padding;
  const innerH = height - 2 * padding;
  const x = (at: number, i: number) => padding + (data.length === 1 ? innerW / 2 : span > 0 ? ((at - first.at) / span) * innerW : (i / (data.length - 1)) * innerW);
  const y = (v: number) => padding + (max === min ? innerH / 2 : (1 - (v - min) / (max - min)) * innerH);
  const points = data.map((d, i) => ({ x: round(x(d.at, i)), y: round(y(d.value)), abnormal: d.abnormal }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  let band: SparklineGeometry['band'] = null;
  if (low !== null || high !== null) {
    const top = y(high ?? max);
    const bottom = y(low ?? min);
    band = { y: round(top), height: round(Math.max(0, bottom - top)) };
  }
  return { width, height, path, points, band };
}
