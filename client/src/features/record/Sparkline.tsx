import type { LabAnalyte } from './lab-results';
import { sparkline } from './sparkline';

const SIZE = { width: 72, height: 26, padding: 3 };

/** A small trend line of one analyte, reference range shaded, out-of-range points in red. */
export function Sparkline({ analyte, label }: { analyte: LabAnalyte; label: string }) {
  const numeric = analyte.series.flatMap((p) => (p.value === null ? [] : [{ at: p.at, value: p.value, abnormal: p.flag !== null && p.flag !== 'N' }]));
  const g = numeric.length > 1 ? sparkline(numeric, { ...SIZE, low: analyte.low, high: analyte.high }) : null;
  if (!g) return null;
  const last = g.points[g.points.length - 1];
  return (
    <svg className="his-spark" width={g.width} height={g.height} viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={label} focusable="false">
      {g.band ? <rect className="his-spark__band" x={0} y={g.band.y} width={g.width} height={g.band.height} /> : null}
      <path className="his-spark__line" d={g.path} fill="none" />
      {g.points.map((p, i) =>
        p.abnormal || p === last ? <circle key={i} className={p.abnormal ? 'his-spark__dot his-spark__dot--abnormal' : 'his-spark__dot'} cx={p.x} cy={p.y} r={2.2} /> : null,
      )}
    </svg>
  );
}
