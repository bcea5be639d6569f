import { z } from 'zod';
import type { FhirResource } from './fhir-schemas';

/** Extension URLs and systems of the county formulary (Medication resources). */
export const FORMULARY_EXT = {
  route: 'urn:cloudclinic:route',
  packageSize: 'urn:cloudclinic:package-size',
  stock: 'urn:cloudclinic:stock',
  pinyin: 'urn:cloudclinic:pinyin',
  narcotic: 'urn:cloudclinic:narcotic',
  psychotropic: 'urn:cloudclinic:psychotropic',
  antibioticGrade: 'urn:cloudclinic:antibiotic-grade',
  highAlert: 'urn:cloudclinic:high-alert',
  drugClass: 'urn:cloudclinic:drug-class',
} as const;
export const FORMULARY_SYSTEM = 'urn:cloudclinic:formulary';
export const ATC_SYSTEM = 'http://www.whocc.no/atc';

const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const Quantity = z.looseObject({ value: z.number().optional(), unit: z.string().optional() });
const Extension = z.looseObject({
  url: z.string(),
  valueString: z.string().optional(),
  valueCode: z.string().optional(),
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
  valueQuantity: Quantity.optional(),
  valueCoding: Coding.optional(),
  valueCodeableConcept: z.looseObject({ coding: z.array(Coding).optional(), text: z.string().optional() }).optional(),
});
const MedicationSchema = z.looseObject({
  resourceType: z.literal('Medication'),
  id: z.string(),
  extension: z.array(Extension).optional(),
  code: z.looseObject({ coding: z.array(Coding).optional(), text: z.string().optional() }).optional(),
  form: z.looseObject({ text: z.string().optional() }).optional(),
  ingredient: z
    .array(z.looseObject({ strength: z.looseObject({ numerator: Quantity.optional(), denominator: Quantity.optional() }).optional() }))
    .optional(),
});

/** A formulary line as the prescription pad and the pharmacist need it. */
export interface FormularyItem {
  id: string;
  code?: string;
  atc?: string;
  nameZh: string;
  nameEn?: string;
  form?: string;
  route?: string;
  /** e.g. `5mg/片`, `49mg+51mg/片`. */
  strength: string;
  packageSize?: string;
  stock?: number;
  pinyin?: string;
  narcotic: boolean;
  psychotropicClass?: 'I' | 'II';
  antibioticGrade?: 'unrestricted' | 'restricted' | 'special';
  highAlert: boolean;
  drugClass?: string;
  /** Narcotics and class I psychotropics are never prescribed online. */
  controlled: boolean;
}

/** Reads a formulary Medication; null when it is not one (wrong shape). */
export function formularyItem(resource: FhirResource): FormularyItem | null {
  const parsed = MedicationSchema.safeParse(resource);
  if (!parsed.success) return null;
  const m = parsed.data;
  const ext = (url: string) => m.extension?.find((e) => e.url === url);
  const coding = (system: string) => m.code?.coding?.find((c) => c.system === system);
  const psychotropic = ext(FORMULARY_EXT.psychotropic)?.valueCoding?.code;
  const grade = ext(FORMULARY_EXT.antibioticGrade)?.valueCoding?.code;
  const narcotic = ext(FORMULARY_EXT.narcotic)?.valueBoolean === true;
  const psychotropicClass = psychotropic === 'I' || psychotropic === 'II' ? psychotropic : undefined;
  const pack = ext(FORMULARY_EXT.packageSize)?.valueQuantity;
  const strength = (m.ingredient ?? [])
    .map((i) => `${i.strength?.numerator?.value ?? ''}${i.strength?.numerator?.unit ?? ''}`)
    .join('+');
  const perUnit = m.ingredient?.[0]?.strength?.denominator?.unit;
  const item: FormularyItem = {
    id: m.id,
    nameZh: m.code?.text ?? coding(FORMULARY_SYSTEM)?.display ?? m.id,
    strength: perUnit ? `${strength}/${perUnit}` : strength,
    narcotic,
    highAlert: ext(FORMULARY_EXT.highAlert)?.valueBoolean === true,
    controlled: narcotic || psychotropicClass === 'I',
  };
  const code = coding(FORMULARY_SYSTEM)?.code;
  if (code) item.code = code;
  const atc = coding(ATC_SYSTEM)?.code;
  if (atc) item.atc = atc;
  const en = coding(FORMULARY_SYSTEM)?.display;
  if (en) item.nameEn = en;
  if (m.form?.text) item.form = m.form.text;
  const route = ext(FORMULARY_EXT.route)?.valueCodeableConcept?.text;
  if (route) item.route = route;
  if (pack?.value !== undefined) item.packageSize = `${pack.value}${pack.unit ?? ''}`;
  const stock = ext(FORMULARY_EXT.stock)?.valueInteger;
  if (stock !== undefined) item.stock = stock;
  const pinyin = ext(FORMULARY_EXT.pinyin)?.valueString;
  if (pinyin) item.pinyin = pinyin;
  if (psychotropicClass) item.psychotropicClass = psychotropicClass;
  if (grade === 'unrestricted' || grade === 'restricted' || grade === 'special') item.antibioticGrade = grade;
  const drugClass = ext(FORMULARY_EXT.drugClass)?.valueCode;
  if (drugClass) item.drugClass = drugClass;
  return item;
}
