import { codingOf, conceptText, firstCode, type Concept, type FhirObservation, type Quantity, type ReferenceRange } from './fhir-resources';
import { chinaDay, toEpoch } from './fhir-time';
import { provenanceOf, type Provenance } from './provenance';

export const LOINC = 'http://loinc.org';
const BLOOD_PRESSURE = '85354-9';
const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';
/** Vital signs in the order a clinician scans them; others follow by name. */
const VITAL_ORDER = [BLOOD_PRESSURE, '8867-4', '8310-5', '9279-1', '59408-5', '2708-6', '29463-7', '8302-2', '39156-5'];

/** H high, L low, N normal, A abnormal (no direction). */
export type Flag = 'H' | 'L' | 'N' | 'A';

export interface LabPoint extends Provenance {
  id: string;
  at: number;
  day: string;
  /** Numeric value (null for a text result). */
  value: number | null;
  /** The value as reported, e.g. `6.73` or `阴性`. */
  display: string;
  flag: Flag | null;
}

/** One analyte (by LOINC code) with its history: what the 检验 table shows per row. */
export interface LabAnalyte {
  key: string;
  loinc: string | null;
  name: string;
  unit: string | null;
  /** Reference range of the latest result, as text (`41-81`, `<125`). */
  range: string | null;
  low: number | null;
  high: number | null;
  /** Oldest first. */
  series: LabPoint[];
  latest: LabPoint;
  /** The latest result is outside its reference range. */
  abnormal: boolean;
}

export interface VitalSign extends Provenance {
  key: string;
  name: string;
  /** `171/96` for blood pressure. */
  display: string;
  unit: string | null;
  day: string;
  flag: Flag | null;
}

const USABLE = (o: FhirObservation) => o.status !== 'entered-in-error' && o.status !== 'cancelled';
const hasCategory = (o: FhirObservation, code: string) => o.category.some((c) => c.coding.some((x) => x.code === code));

function whenOf(o: FhirObservation): number | null {
  return toEpoch(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued);
}

/** Maps v3 ObservationInterpretation codes (H, HH, L, LL, N, A …) onto the four flags. */
function interpretationFlag(interpretations: Concept[]): Flag | null {
  for (const concept of interpretations) {
    for (const code of concept.coding.map((c) => c.code?.toUpperCase())) {
      if (code === 'H' || code === 'HH' || code === 'HU' || code === '>') return 'H';
      if (code === 'L' || code === 'LL' || code === 'LU' || code === '<') return 'L';
      if (code === 'N') return 'N';
      if (code === 'A' || code === 'AA') return 'A';
    }
  }
  return null;
}

function rangeFlag(value: number | null, low: number | null, high: number | null): Flag | null {
  if (value === null || (low === null && high === null)) return null;
  if (high !== null && value > high) return 'H';
  if (low !== null && value < low) return 'L';
  return 'N';
}

function rangeText(range: ReferenceRange | undefined): string | null {
  if (!range) return null;
  if (range.text?.trim()) return range.text.trim();
  const low = range.low?.value;
  const high = range.high?.value;
  if (low !== undefined && high !== undefined) return `${low}-${high}`;
  if (high !== undefined) return `<${high}`;
  if (low !== undefined) return `>${low}`;
  return null;
}

function quantityText(q: Quantity | undefined): string | null {
  return q?.value === undefined ? null : String(q.value);
}

function toPoint(o: FhirObservation, at: number): { point: LabPoint; unit: string | null; range: ReferenceRange | undefined } {
  const value = o.valueQuantity?.value ?? null;
  const range = o.referenceRange[0];
  const flag = interpretationFlag(o.interpretation) ?? rangeFlag(value, range?.low?.value ?? null, range?.high?.value ?? null);
  const display = quantityText(o.valueQuantity) ?? o.valueString?.trim() ?? '';
  const point: LabPoint = { id: o.id, at, day: chinaDay(at), value, display, flag, ...provenanceOf(o, o.performer) };
  return { point, unit: o.valueQuantity?.unit ?? null, range };
}

/** Laboratory results grouped by analyte (LOINC code, else name), each with its series; most recently tested first. */
export function groupLabs(observations: readonly FhirObservation[]): LabAnalyte[] {
  const groups = new Map<string, { loinc: string | null; name: string; rows: ReturnType<typeof toPoint>[] }>();
  for (const o of observations) {
    if (!USABLE(o) || !hasCategory(o, 'laboratory')) continue;
    const at = whenOf(o);
    const name = conceptText(o.code);
    if (at === null || name === null) continue;
    const row = toPoint(o, at);
    if (row.point.display === '') continue;
    const loinc = codingOf(o.code, LOINC)?.code ?? null;
    const key = loinc ? `loinc:${loinc}` : `name:${name}`;
    const group = groups.get(key) ?? { loinc, name, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const analytes: LabAnalyte[] = [];
  for (const [key, g] of groups) {
    g.rows.sort((a, b) => a.point.at - b.point.at);
    const last = g.rows[g.rows.length - 1];
    if (!last) continue;
    const { point: latest, range } = last;
    const unit = last.unit ?? g.rows.findLast((r) => r.unit)?.unit ?? null;
    analytes.push({
      key,
      loinc: g.loinc,
      name: g.name,
      unit,
      range: rangeText(range),
      low: range?.low?.value ?? null,
      high: range?.high?.value ?? null,
      series: g.rows.map((r) => r.point),
      latest,
      abnormal: latest.flag !== null && latest.flag !== 'N',
    });
  }
  return analytes.sort((a, b) => b.latest.at - a.latest.at || a.name.localeCompare(b.name, 'zh-CN'));
}

function worst(flags: (Flag | null)[]): Flag | null {
  return flags.find((f) => f === 'H') ?? flags.find((f) => f === 'L') ?? flags.find((f) => f === 'A') ?? flags.find((f) => f === 'N') ?? null;
}

function vitalOf(o: FhirObservation, at: number): VitalSign | null {
  const name = conceptText(o.code);
  const key = codingOf(o.code, LOINC)?.code ?? firstCode(o.code) ?? name;
  if (!name || !key) return null;
  const base = { key, name, day: chinaDay(at), ...provenanceOf(o, o.performer) };
  if (key === BLOOD_PRESSURE) {
    const part = (code: string) => o.component.find((c) => codingOf(c.code, LOINC)?.code === code);
    const sys = part(SYSTOLIC);
    const dia = part(DIASTOLIC);
    const sysText = quantityText(sys?.valueQuantity);
    const diaText = quantityText(dia?.valueQuantity);
    if (!sysText || !diaText) return null;
    const flag = worst([interpretationFlag(sys?.interpretation ?? []), interpretationFlag(dia?.interpretation ?? [])]);
    return { ...base, display: `${sysText}/${diaText}`, unit: sys?.valueQuantity?.unit ?? 'mmHg', flag };
  }
  const display = quantityText(o.valueQuantity) ?? o.valueString?.trim();
  if (!display) return null;
  return { ...base, display, unit: o.valueQuantity?.unit ?? null, flag: interpretationFlag(o.interpretation) };
}

/** The latest reading of each vital sign (blood pressure as systolic/diastolic). */
export function latestVitals(observations: readonly FhirObservation[]): VitalSign[] {
  const latest = new Map<string, { at: number; vital: VitalSign }>();
  for (const o of observations) {
    if (!USABLE(o) || !hasCategory(o, 'vital-signs')) continue;
    const at = whenOf(o);
    const vital = at === null ? null : vitalOf(o, at);
    if (at === null || !vital) continue;
    const current = latest.get(vital.key);
    if (!current || at > current.at) latest.set(vital.key, { at, vital });
  }
  const rank = (key: string) => {
    const i = VITAL_ORDER.indexOf(key);
    return i === -1 ? VITAL_ORDER.length : i;
  };
  return [...latest.values()].map((v) => v.vital).sort((a, b) => rank(a.key) - rank(b.key) || a.name.localeCompare(b.name, 'zh-CN'));
}
