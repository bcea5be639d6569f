import { z } from 'zod';
import { AntibioticGradeSchema, type MedicationSummary, type RouteCode } from '@cloudclinic/shared';
import { HIS_EXT, HIS_SYSTEM } from './his-port';
import { pinyinInitials } from './pinyin-initials';
import { ingredientKey } from './safety/ingredients';

export interface Ingredient {
  zh: string;
  en: string;
  /** Normalised generic name (salt removed), used to compare ingredients: `amlodipine`. */
  key: string;
  value: number;
  /** UCUM code of the strength: mg, ug, g, [IU]. */
  ucum: string;
}

/** A county formulary product, as the safety rules see it. */
export interface FormularyDrug extends MedicationSummary {
  atc: string | null;
  ingredients: Ingredient[];
}

const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const CodeableConcept = z.object({ coding: z.array(Coding).default([]), text: z.string().optional() });
const Quantity = z.object({ value: z.number().optional(), unit: z.string().optional(), code: z.string().optional() });
const Extension = z.object({
  url: z.string(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
  valueCode: z.string().optional(),
  valueCoding: Coding.optional(),
  valueQuantity: Quantity.optional(),
  valueCodeableConcept: CodeableConcept.optional(),
});

export const MedicationResourceSchema = z.object({
  resourceType: z.literal('Medication'),
  id: z.string(),
  extension: z.array(Extension).default([]),
  code: CodeableConcept,
  status: z.string().optional(),
  form: CodeableConcept.optional(),
  amount: z.object({ numerator: Quantity.optional(), denominator: Quantity.optional() }).optional(),
  ingredient: z
    .array(
      z.object({
        itemCodeableConcept: CodeableConcept.optional(),
        isActive: z.boolean().optional(),
        strength: z.object({ numerator: Quantity, denominator: Quantity.optional() }).optional(),
      }),
    )
    .default([]),
});

/** SNOMED CT route codes used by the county HIS. */
const SNOMED_ROUTES: Record<string, RouteCode> = {
  '26643006': 'oral',
  '47625008': 'iv',
  '78421000': 'im',
  '34206005': 'sc',
  '447694001': 'inhalation',
  '37839007': 'sublingual',
  '45890007': 'transdermal',
};

const UNIT_DISPLAY: Record<string, string> = { ug: 'μg', '[IU]': 'U' };

/** "氨氯地平 (Amlodipine)" → { zh: 氨氯地平, en: Amlodipine }. */
function splitName(text: string): { zh: string; en: string } {
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(text);
  return m ? { zh: (m[1] ?? '').trim(), en: (m[2] ?? '').trim() } : { zh: text.trim(), en: text.trim() };
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** Parses one FHIR Medication of the county formulary; null when it lacks what prescribing needs. */
export function parseMedication(resource: unknown): FormularyDrug | null {
  const parsed = MedicationResourceSchema.safeParse(resource);
  if (!parsed.success) return null;
  const m = parsed.data;
  const ext = (url: string) => m.extension.find((e) => e.url === url);
  const ingredients: Ingredient[] = [];
  for (const ing of m.ingredient) {
    const num = ing.strength?.numerator;
    if (ing.isActive === false || !num || num.value === undefined) continue;
    const name = splitName(ing.itemCodeableConcept?.text ?? '');
    ingredients.push({ zh: name.zh, en: name.en, key: ingredientKey(name.en), value: num.value, ucum: num.code ?? num.unit ?? '' });
  }
  const first = ingredients[0];
  const firstStrength = m.ingredient[0]?.strength;
  if (!first || !firstStrength) return null;
  const routeCode = ext(HIS_EXT.route)?.valueCodeableConcept?.coding.map((c) => SNOMED_ROUTES[c.code ?? '']).find((r) => r !== undefined);
  const packageSize = ext(HIS_EXT.packageSize)?.valueQuantity?.value ?? m.amount?.numerator?.value;
  const doseUnit = firstStrength.denominator?.unit ?? m.amount?.numerator?.unit;
  if (!routeCode || !packageSize || !doseUnit) return null;
  const psychotropic = ext(HIS_EXT.psychotropic)?.valueCoding?.code;
  const grade = ext(HIS_EXT.antibioticGrade)?.valueCoding?.code;
  const formularyCoding = m.code.coding.find((c) => c.system === HIS_SYSTEM.formulary);
  const strengthUnit = UNIT_DISPLAY[first.ucum] ?? firstStrength.numerator.unit ?? first.ucum;
  return {
    id: m.id,
    code: formularyCoding?.code ?? m.id,
    name: m.code.text ?? formularyCoding?.display ?? m.id,
    nameEn: formularyCoding?.display ?? m.code.text ?? m.id,
    generic: { zh: ingredients.map((i) => i.zh).join('/'), en: ingredients.map((i) => i.en).join('/') },
    pinyin: pinyinInitials(ingredients.map((i) => i.zh)),
    strength: { value: first.value, unit: strengthUnit },
    singleIngredient: ingredients.length === 1,
    form: { code: m.form?.coding[0]?.code ?? '', zh: m.form?.text ?? '' },
    doseUnit,
    route: routeCode,
    packageSize,
    packageUnit: m.amount?.denominator?.unit ?? '盒',
    stock: ext(HIS_EXT.stock)?.valueInteger ?? 0,
    drugClass: ext(HIS_EXT.drugClass)?.valueCode ?? '',
    flags: {
      narcotic: ext(HIS_EXT.narcotic)?.valueBoolean === true,
      psychotropic: psychotropic === 'I' || psychotropic === 'II' ? psychotropic : null,
      antibioticGrade: AntibioticGradeSchema.safeParse(grade).data ?? null,
      highAlert: ext(HIS_EXT.highAlert)?.valueBoolean === true,
      control: controlClassOf(ext(HIS_EXT.controlClass)?.valueCoding?.code),
      internetPrescribing: ext(HIS_EXT.internetPrescribing)?.valueBoolean !== false,
    },
    atc: m.code.coding.find((c) => c.system === HIS_SYSTEM.atc)?.code ?? null,
    ingredients,
  };
}

function controlClassOf(code: string | undefined): 'toxic' | 'radioactive' | null {
  return code === 'toxic' || code === 'radioactive' ? code : null;
}

/** "5 mg", "400 mg/57 mg" — how the strength is printed. */
export function strengthText(drug: FormularyDrug): string {
  return drug.ingredients.map((i) => `${formatNumber(i.value)} ${UNIT_DISPLAY[i.ucum] ?? i.ucum}`).join('/');
}

/** The wire shape (without the rule-only fields). */
export function toSummary(drug: FormularyDrug): MedicationSummary {
  const { atc: _atc, ingredients: _ingredients, ...summary } = drug;
  return summary;
}
