import type { Extension, Medication } from '@medplum/fhirtypes';
import { EXT, SYSTEM } from '../../fhir/systems';
import { createRng } from '../prng';
import { ANALGESIC_GI } from './analgesic-gi';
import { ANTI_INFECTIVES } from './anti-infectives';
import { CARDIOVASCULAR } from './cardiovascular';
import type { AntibioticGrade, DoseForm, DrugDef, Route } from './drug-def';
import { ENDOCRINE } from './endocrine';
import { GENERAL } from './general';
import { NEURO_PSYCH } from './neuro-psych';
import { priceExtension } from './prices';
import { RESPIRATORY } from './respiratory';

/** The county pharmacy catalogue (药品目录). */
export const FORMULARY: readonly DrugDef[] = [
  ...CARDIOVASCULAR,
  ...ENDOCRINE,
  ...RESPIRATORY,
  ...NEURO_PSYCH,
  ...ANALGESIC_GI,
  ...ANTI_INFECTIVES,
  ...GENERAL,
];

const FORMS: Record<DoseForm, { zh: string; en: string; unit: string }> = {
  tablet: { zh: '片剂', en: 'Tablet', unit: '片' },
  'er-tablet': { zh: '缓释片', en: 'Prolonged-release tablet', unit: '片' },
  'cr-tablet': { zh: '控释片', en: 'Controlled-release tablet', unit: '片' },
  'ec-tablet': { zh: '肠溶片', en: 'Gastro-resistant tablet', unit: '片' },
  'chewable-tablet': { zh: '咀嚼片', en: 'Chewable tablet', unit: '片' },
  'effervescent-tablet': { zh: '泡腾片', en: 'Effervescent tablet', unit: '片' },
  'sublingual-tablet': { zh: '舌下片', en: 'Sublingual tablet', unit: '片' },
  capsule: { zh: '胶囊', en: 'Capsule', unit: '粒' },
  'er-capsule': { zh: '缓释胶囊', en: 'Prolonged-release capsule', unit: '粒' },
  'ec-capsule': { zh: '肠溶胶囊', en: 'Gastro-resistant capsule', unit: '粒' },
  injection: { zh: '注射液', en: 'Solution for injection', unit: '支' },
  'powder-for-injection': { zh: '注射用无菌粉末', en: 'Powder for solution for injection', unit: '瓶' },
  infusion: { zh: '输液', en: 'Solution for infusion', unit: '袋' },
  'dry-powder-inhaler': { zh: '吸入粉雾剂', en: 'Inhalation powder', unit: '吸' },
  'metered-dose-inhaler': { zh: '吸入气雾剂', en: 'Pressurised inhalation', unit: '揿' },
  'nebuliser-suspension': { zh: '雾化吸入混悬液', en: 'Nebuliser suspension', unit: '支' },
  patch: { zh: '透皮贴剂', en: 'Transdermal patch', unit: '贴' },
  powder: { zh: '散剂', en: 'Oral powder', unit: '袋' },
};

/** SNOMED CT route codes. */
const ROUTES: Record<Route, { snomed: string; en: string; zh: string }> = {
  oral: { snomed: '26643006', en: 'Oral route', zh: '口服' },
  iv: { snomed: '47625008', en: 'Intravenous route', zh: '静脉注射' },
  im: { snomed: '78421000', en: 'Intramuscular route', zh: '肌内注射' },
  sc: { snomed: '34206005', en: 'Subcutaneous route', zh: '皮下注射' },
  inhalation: { snomed: '447694001', en: 'Respiratory tract route', zh: '吸入' },
  sublingual: { snomed: '37839007', en: 'Sublingual route', zh: '舌下含服' },
  transdermal: { snomed: '45890007', en: 'Transdermal route', zh: '经皮' },
};

export const ANTIBIOTIC_GRADES: Record<AntibioticGrade, string> = {
  unrestricted: '非限制使用级',
  restricted: '限制使用级',
  special: '特殊使用级',
};

const CONTROL_CLASSES = { toxic: '医疗用毒性药品', radioactive: '放射性药品' } as const;

const UNIT_DISPLAY: Record<string, string> = { '[IU]': 'U', ug: 'μg' };

export function routeOf(route: Route): { snomed: string; en: string; zh: string } {
  return ROUTES[route];
}

export function doseUnitOf(drug: DrugDef): string {
  return FORMS[drug.form].unit;
}

function extensions(drug: DrugDef, stock: number): Extension[] {
  const route = ROUTES[drug.route];
  const ext: Extension[] = [
    { url: EXT.route, valueCodeableConcept: { coding: [{ system: SYSTEM.snomed, code: route.snomed, display: route.en }], text: route.zh } },
    { url: EXT.packageSize, valueQuantity: { value: drug.pack, unit: FORMS[drug.form].unit } },
    { url: EXT.stock, valueInteger: stock },
    { url: EXT.pinyin, valueString: drug.pinyin },
    { url: EXT.narcotic, valueBoolean: drug.narcotic === true },
    { url: EXT.highAlert, valueBoolean: drug.highAlert === true },
    { url: EXT.drugClass, valueCode: drug.cls },
    priceExtension(drug),
  ];
  if (drug.psychotropic) {
    ext.push({ url: EXT.psychotropic, valueCoding: { system: EXT.psychotropic, code: drug.psychotropic, display: drug.psychotropic === 'I' ? '第一类精神药品' : '第二类精神药品' } });
  }
  if (drug.control) {
    ext.push({ url: EXT.controlClass, valueCoding: { system: EXT.controlClass, code: drug.control, display: CONTROL_CLASSES[drug.control] } });
  }
  if (drug.internet === false) ext.push({ url: EXT.internetPrescribing, valueBoolean: false });
  if (drug.antibiotic) {
    ext.push({ url: EXT.antibioticGrade, valueCoding: { system: EXT.antibioticGrade, code: drug.antibiotic, display: ANTIBIOTIC_GRADES[drug.antibiotic] } });
  }
  return ext;
}

export function buildMedication(drug: DrugDef, stock: number): Medication {
  const form = FORMS[drug.form];
  return {
    resourceType: 'Medication',
    id: drug.id,
    extension: extensions(drug, stock),
    identifier: [{ system: SYSTEM.formulary, value: drug.code }],
    code: {
      coding: [
        { system: SYSTEM.formulary, code: drug.code, display: drug.en },
        { system: SYSTEM.atc, code: drug.atc },
      ],
      text: drug.zh,
    },
    status: 'active',
    form: { coding: [{ system: SYSTEM.doseForm, code: drug.form, display: form.en }], text: form.zh },
    amount: {
      numerator: { value: drug.pack, unit: form.unit },
      denominator: { value: 1, unit: '盒' },
    },
    ingredient: drug.ingredients.map((ing) => ({
      itemCodeableConcept: { text: `${ing.zh} (${ing.en})` },
      isActive: true,
      strength: {
        numerator: { value: ing.value, unit: UNIT_DISPLAY[ing.unit] ?? ing.unit, system: SYSTEM.ucum, code: ing.unit },
        denominator: { value: 1, unit: form.unit },
      },
    })),
  };
}

/** Every Medication, with a deterministic stock on hand (a few items are out of stock on purpose). */
export function buildFormulary(seed: number | string): Medication[] {
  const rng = createRng(`${seed}:formulary`);
  return FORMULARY.map((drug) => buildMedication(drug, drug.stock ?? (rng.chance(0.05) ? 0 : rng.int(3, 400))));
}

export function findDrug(id: string): DrugDef | undefined {
  return FORMULARY.find((d) => d.id === id);
}
