import { TAG, type DicomJsonDataset } from '@cloudclinic/shared';

/**
 * Reading the DICOM JSON model (PS3.18 F.2). Text in DICOM JSON is Unicode whatever the stored
 * Specific Character Set was: the PACS decodes GB18030, ISO_IR 192, ISO 2022 … once, on its side;
 * a Person Name arrives as its alphabetic, ideographic and phonetic groups.
 */
export function firstValue(ds: DicomJsonDataset | undefined, tag: string): unknown {
  return ds?.[tag]?.Value?.[0];
}

export function text(ds: DicomJsonDataset | undefined, tag: string): string | null {
  const v = firstValue(ds, tag);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;
}

export function texts(ds: DicomJsonDataset | undefined, tag: string): string[] {
  return (ds?.[tag]?.Value ?? []).filter((v): v is string => typeof v === 'string');
}

export function number(ds: DicomJsonDataset | undefined, tag: string): number | null {
  const v = firstValue(ds, tag);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function numbers(ds: DicomJsonDataset | undefined, tag: string): number[] {
  return (ds?.[tag]?.Value ?? []).map((v) => (typeof v === 'number' ? v : Number(v))).filter((n) => Number.isFinite(n));
}

export interface PersonName {
  alphabetic: string | null;
  ideographic: string | null;
  phonetic: string | null;
}

export function personName(ds: DicomJsonDataset | undefined, tag: string): PersonName | null {
  const v = firstValue(ds, tag);
  if (typeof v === 'string') return parsePersonName(v);
  if (typeof v !== 'object' || v === null) return null;
  const groups = v as Record<string, unknown>;
  const pick = (k: string) => (typeof groups[k] === 'string' && groups[k] !== '' ? (groups[k] as string) : null);
  return { alphabetic: pick('Alphabetic'), ideographic: pick('Ideographic'), phonetic: pick('Phonetic') };
}

/** A PN in its DICOM string form: `Wang^Jianguo=王^建国=`. */
export function parsePersonName(value: string): PersonName {
  const [alphabetic = '', ideographic = '', phonetic = ''] = value.split('=');
  return { alphabetic: alphabetic || null, ideographic: ideographic || null, phonetic: phonetic || null };
}

/**
 * How a name is shown: the ideographic group written the Chinese way (family name then given
 * name, no space: 王建国), with the alphabetic group after it (Wang Jianguo); an alphabetic-only
 * name as `Family Given`.
 */
export function formatPersonName(pn: PersonName | null): { primary: string; secondary: string | null } {
  const western = pn?.alphabetic ? joinComponents(pn.alphabetic, ' ') : null;
  const chinese = pn?.ideographic ? joinComponents(pn.ideographic, '') : null;
  if (chinese) return { primary: chinese, secondary: western };
  return { primary: western ?? '', secondary: null };
}

function joinComponents(group: string, separator: string): string {
  // Components: family ^ given ^ middle ^ prefix ^ suffix.
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = group.split('^');
  return [prefix, family, given, middle, suffix].filter((c) => c.trim() !== '').join(separator).trim();
}

/** `20261105` → `2026-11-05`; anything else unchanged. */
export function formatDicomDate(da: string | null): string | null {
  if (!da) return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(da);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : da;
}

/** `093012` / `093012.123` → `09:30`. */
export function formatDicomTime(tm: string | null): string | null {
  if (!tm) return null;
  const m = /^(\d{2})(\d{2})/.exec(tm);
  return m ? `${m[1]}:${m[2]}` : tm;
}

/** `069Y` → `{ value: 69, unit: 'Y' }`. */
const AGE_UNITS = ['D', 'W', 'M', 'Y'] as const;
export type AgeUnit = (typeof AGE_UNITS)[number];

export function parseAge(as: string | null): { value: number; unit: AgeUnit } | null {
  const m = as ? /^(\d{3})([DWMY])$/.exec(as) : null;
  const unit = AGE_UNITS.find((u) => u === m?.[2]);
  return m && unit ? { value: Number(m[1]), unit } : null;
}

export { TAG };
