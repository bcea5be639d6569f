import {
  ageInYears,
  CHILD_WEIGHT_AGE,
  computeQuantity,
  reasonHasSubstance,
  type Diagnosis,
  type OverrideReasonCode,
  FREQUENCIES,
  MAX_PRESCRIPTION_ITEMS,
  type Finding,
  type Frequency,
  type MedicationSummary,
  type PatientStatus,
  type PrescriptionDraftInput,
  type PrescriptionItemView,
  type PrescriptionView,
  type RegimenTemplate,
  type RouteCode,
} from '@cloudclinic/shared';

/**
 * The prescription pad as plain data: what the expert is typing (strings while typing), turned into
 * the request the server checks. The server's quantities and findings are authoritative; the pad
 * shows a preview of the quantity with the same shared function.
 */
export interface ItemDraft {
  key: string;
  medicationId: string;
  /** The catalogue entry, when known (search, template): dose units and the quantity preview need it. */
  medication: MedicationSummary | null;
  name: string;
  /** The catalogue's English name (shown in English mode). */
  nameEn?: string;
  strength: string;
  doseValue: string;
  doseUnit: string;
  frequency: Frequency;
  route: RouteCode;
  days: string;
  instructions: string;
}

/** An override being written: its coded kind ('' until chosen) and the free text. */
export interface OverrideDraft {
  code: OverrideReasonCode | '';
  reason: string;
}

export interface PadDraft {
  /** Free-text qualifier of the 临床诊断. */
  diagnosis: string;
  /** Coded 临床诊断 (bundled ICD-10 list): at least one to sign. */
  diagnoses: Diagnosis[];
  validityDays: number;
  patientStatus: PatientStatus;
  items: ItemDraft[];
  /** Override reasons by finding id. */
  overrides: Record<string, OverrideDraft>;
}

export const EMPTY_DRAFT: PadDraft = { diagnosis: '', diagnoses: [], validityDays: 1, patientStatus: { pregnancy: 'unknown', lactating: false, weightKg: null }, items: [], overrides: {} };

/** An override the server will accept: a chosen kind and a reason of substance. */
export const overrideComplete = (o: OverrideDraft | undefined): boolean => Boolean(o?.code) && reasonHasSubstance(o?.reason ?? '');

/** What the prescription lacks before it may be signed, as the server will say it (diagnosis, a child's weight). */
export function signingMissing(d: PadDraft, birthDate: string | null, now: Date): ('diagnosis' | 'weight')[] {
  const out: ('diagnosis' | 'weight')[] = [];
  if (d.diagnoses.length === 0) out.push('diagnosis');
  const age = ageInYears(birthDate, now);
  if (age !== null && age < CHILD_WEIGHT_AGE && d.patientStatus.weightKg === null) out.push('weight');
  return out;
}

export const FREQUENCY_CODES = Object.keys(FREQUENCIES) as Frequency[];

/** 每张处方不超过5种药品. */
export const MAX_PAD_ITEMS = MAX_PRESCRIPTION_ITEMS;

let counter = 0;
const nextKey = () => `item-${++counter}`;

const trimNumber = (n: number) => String(Number(n.toFixed(4)));

export function itemFromMedication(m: MedicationSummary, preset?: Partial<Pick<ItemDraft, 'doseValue' | 'doseUnit' | 'frequency' | 'route' | 'days' | 'instructions'>>): ItemDraft {
  return {
    key: nextKey(),
    medicationId: m.id,
    medication: m,
    name: m.name,
    nameEn: m.nameEn,
    strength: `${trimNumber(m.strength.value)} ${m.strength.unit}`,
    doseValue: m.singleIngredient ? trimNumber(m.strength.value) : '1',
    doseUnit: m.singleIngredient ? m.strength.unit : m.doseUnit,
    frequency: 'qd',
    route: m.route,
    days: '7',
    instructions: '',
    ...preset,
  };
}

export function itemFromView(i: PrescriptionItemView, medication: MedicationSummary | null = null): ItemDraft {
  return {
    key: nextKey(),
    medicationId: i.medicationId,
    medication,
    name: i.name,
    nameEn: i.nameEn,
    strength: i.strength,
    doseValue: trimNumber(i.dose.value),
    doseUnit: i.dose.unit,
    frequency: i.frequency,
    route: i.route,
    days: String(i.days),
    instructions: i.instructions,
  };
}

export function draftFromView(v: PrescriptionView, known: ReadonlyMap<string, MedicationSummary> = new Map()): PadDraft {
  return {
    diagnosis: v.diagnosis,
    diagnoses: v.diagnoses,
    validityDays: v.validityDays,
    patientStatus: v.patientStatus,
    items: v.items.map((i) => itemFromView(i, known.get(i.medicationId) ?? null)),
    overrides: Object.fromEntries(v.findings.flatMap((f) => (f.override ? [[f.id, { code: f.override.code, reason: f.override.reason }]] : []))),
  };
}

/** Lines of a regimen template, with the catalogue entries the template names (missing ones are skipped). */
export function itemsFromTemplate(t: RegimenTemplate, catalogue: ReadonlyMap<string, MedicationSummary>): ItemDraft[] {
  return t.items.flatMap((i) => {
    const m = catalogue.get(i.medicationId);
    if (!m) return [];
    return [itemFromMedication(m, { doseValue: trimNumber(i.dose.value), doseUnit: i.dose.unit, frequency: i.frequency, route: i.route, days: String(i.days), instructions: i.instructions })];
  });
}

export type ItemProblem = 'dose' | 'days' | 'unit' | null;

export function itemProblem(i: ItemDraft): ItemProblem {
  const dose = Number(i.doseValue);
  if (!i.doseValue.trim() || !Number.isFinite(dose) || dose <= 0) return 'dose';
  const days = Number(i.days);
  if (!Number.isInteger(days) || days < 1 || days > 90) return 'days';
  if (i.medication && !unitOptions(i).includes(i.doseUnit)) return 'unit';
  return null;
}

/** Units the dose may be written in: the dose unit (片), and the strength unit (mg) for one-ingredient products. */
export function unitOptions(i: ItemDraft): string[] {
  const m = i.medication;
  if (!m) return [i.doseUnit];
  return m.singleIngredient ? [m.strength.unit, m.doseUnit] : [m.doseUnit];
}

/** Packages to dispense, previewed (the server computes the same with the same function). */
export function quantityPreview(i: ItemDraft): { packages: number; unit: string; unitsPerDose: number; doseUnit: string } | null {
  if (!i.medication || itemProblem(i)) return null;
  const q = computeQuantity({ dose: { value: Number(i.doseValue), unit: i.doseUnit }, frequency: i.frequency, days: Number(i.days) }, i.medication);
  return q.ok ? { packages: q.packages, unit: i.medication.packageUnit, unitsPerDose: q.unitsPerDose, doseUnit: i.medication.doseUnit } : null;
}

/** The request for the server; null while a line is incomplete (nothing is saved half-typed). */
export function toRequest(d: PadDraft): PrescriptionDraftInput | null {
  if (d.items.some((i) => itemProblem(i) !== null)) return null;
  return {
    diagnosis: d.diagnosis,
    diagnoses: d.diagnoses.map((x) => x.code),
    validityDays: d.validityDays,
    patientStatus: d.patientStatus,
    items: d.items.map((i) => ({
      medicationId: i.medicationId,
      dose: { value: Number(i.doseValue), unit: i.doseUnit },
      frequency: i.frequency,
      route: i.route,
      days: Number(i.days),
      instructions: i.instructions.trim(),
    })),
    overrides: Object.entries(d.overrides).flatMap(([findingId, o]) => (o.code && overrideComplete(o) ? [{ findingId, code: o.code, reason: o.reason.trim() }] : [])),
  };
}

/** Warnings still without a reason, and refusals: what keeps the prescription from being signed. */
export function unresolved(findings: readonly Finding[], overrides: Readonly<Record<string, OverrideDraft>>): Finding[] {
  return findings.filter((f) => f.severity === 'refused' || (f.severity === 'warning' && !overrideComplete(overrides[f.id])));
}

export function findingsOf(findings: readonly Finding[], medicationId: string): Finding[] {
  return findings.filter((f) => f.medicationIds.includes(medicationId));
}
