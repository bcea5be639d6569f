/** FHIR date search: every date is a range [lo, hi) in epoch ms; values without a zone are China time. */
export interface DateRange {
  lo: number;
  hi: number;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export function parseDateRange(value: string): DateRange | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, frac, zone] = m;
  const tz = zone ?? '+08:00';
  const iso = (year: string, month: string, day: string, time = '00:00:00') => Date.parse(`${year}-${month}-${day}T${time}${tz}`);
  if (!y) return null;
  if (!mo) return { lo: iso(y, '01', '01'), hi: iso(String(Number(y) + 1).padStart(4, '0'), '01', '01') };
  if (!d) {
    const lo = iso(y, mo, '01');
    const next = Number(mo) === 12 ? iso(String(Number(y) + 1), '01', '01') : iso(y, String(Number(mo) + 1).padStart(2, '0'), '01');
    return Number.isNaN(lo) ? null : { lo, hi: next };
  }
  if (!hh || !mi) {
    const lo = iso(y, mo, d);
    return Number.isNaN(lo) ? null : { lo, hi: lo + 24 * 3600 * 1000 };
  }
  const lo = Date.parse(`${y}-${mo}-${d}T${hh}:${mi}:${ss ?? '00'}${frac ?? ''}${tz}`);
  if (Number.isNaN(lo)) return null;
  const step = frac ? 1 : ss ? 1000 : 60 * 1000;
  return { lo, hi: lo + step };
}

export type DatePrefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';

/** Whether a resource's date range satisfies `prefix param`. */
export function matchesDate(target: DateRange, prefix: DatePrefix, param: DateRange): boolean {
  switch (prefix) {
    case 'eq':
      return target.lo >= param.lo && target.hi <= param.hi;
    case 'ne':
      return !(target.lo >= param.lo && target.hi <= param.hi);
    case 'gt':
      return target.hi > param.hi;
    case 'lt':
      return target.lo < param.lo;
    case 'ge':
      return target.hi > param.lo;
    case 'le':
      return target.lo < param.hi;
  }
}
