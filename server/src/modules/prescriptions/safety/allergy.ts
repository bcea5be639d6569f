import type { FormularyDrug } from '../fhir-formulary';
import type { PatientAllergy } from '../patient-record';
import { matches, type DrugMatcher, type RawFinding, type SafetyInput } from './types';

interface CrossReaction {
  matcher: DrugMatcher;
  /** `warning` always; `severe`: a warning when the allergy is severe or of high criticality, else info; `info` always. */
  level: 'warning' | 'severe' | 'info';
  zh: string;
  en: string;
}

interface AllergenClass {
  /** HIS allergen codes (urn:cloudclinic:allergen = the formulary drug class) and SNOMED CT codes. */
  codes: readonly string[];
  zh: string;
  en: string;
  direct: DrugMatcher;
  cross: readonly CrossReaction[];
}

/** Class-level drug allergies and their known cross-reactivity. */
export const ALLERGEN_CLASSES: readonly AllergenClass[] = [
  {
    codes: ['penicillin', '91936005'],
    zh: '青霉素类',
    en: 'penicillins',
    direct: { classes: ['penicillin'] },
    cross: [
      { matcher: { classes: ['cephalosporin'] }, level: 'severe', zh: '头孢菌素类与青霉素类可发生交叉过敏', en: 'cephalosporins can cross-react with penicillins' },
      { matcher: { classes: ['carbapenem'] }, level: 'info', zh: '碳青霉烯类与青霉素类交叉过敏率低（约1%）', en: 'carbapenems rarely (about 1%) cross-react with penicillins' },
    ],
  },
  {
    codes: ['cephalosporin'],
    zh: '头孢菌素类',
    en: 'cephalosporins',
    direct: { classes: ['cephalosporin'] },
    cross: [
      { matcher: { classes: ['penicillin'] }, level: 'severe', zh: '青霉素类与头孢菌素类可发生交叉过敏', en: 'penicillins can cross-react with cephalosporins' },
      { matcher: { classes: ['carbapenem'] }, level: 'info', zh: '碳青霉烯类与头孢菌素类交叉过敏率低', en: 'carbapenems rarely cross-react with cephalosporins' },
    ],
  },
  {
    codes: ['sulfonamide', '91939003'],
    zh: '磺胺类',
    en: 'sulfonamides',
    direct: { classes: ['sulfonamide'] },
    cross: [
      {
        matcher: { classes: ['sulfonylurea', 'thiazide', 'loop-diuretic'], ingredients: ['celecoxib'] },
        level: 'info',
        zh: '含磺酰胺结构的非抗菌药与磺胺类抗菌药交叉过敏少见',
        en: 'non-antibiotic sulfonamides rarely cross-react with sulfonamide antibiotics',
      },
    ],
  },
  {
    codes: ['salicylate', '293586001'],
    zh: '阿司匹林（水杨酸类）',
    en: 'aspirin (salicylates)',
    direct: { classes: ['salicylate'] },
    cross: [
      { matcher: { classes: ['nsaid'] }, level: 'warning', zh: '阿司匹林过敏者使用非甾体抗炎药可诱发哮喘或过敏', en: 'NSAIDs can trigger asthma or allergy in aspirin-allergic patients' },
      { matcher: { classes: ['coxib'] }, level: 'info', zh: '选择性COX-2抑制剂交叉反应少见', en: 'selective COX-2 inhibitors rarely cross-react' },
    ],
  },
  { codes: ['iodinated-contrast'], zh: '碘造影剂', en: 'iodinated contrast media', direct: { classes: ['iodinated-contrast'] }, cross: [] },
];

function classOf(allergy: PatientAllergy): AllergenClass | undefined {
  return ALLERGEN_CLASSES.find((c) => allergy.codes.some((code) => c.codes.includes(code)));
}

/** The allergy names one of the drug's ingredients (e.g. recorded as 阿莫西林过敏). */
function namesIngredient(allergy: PatientAllergy, drug: FormularyDrug): boolean {
  const text = allergy.text.toLowerCase();
  return drug.ingredients.some((i) => (i.zh.length >= 2 && text.includes(i.zh)) || (i.key.length >= 4 && text.includes(i.key)));
}

const severeNote = (a: PatientAllergy) => (a.severe ? '（有严重过敏反应史）' : a.criticality === 'high' ? '（高危）' : '');
const severeNoteEn = (a: PatientAllergy) => (a.severe ? ' (history of a severe reaction)' : a.criticality === 'high' ? ' (high criticality)' : '');

/**
 * Allergy against the HIS AllergyIntolerance list, class-level: a penicillin allergy covers every
 * penicillin (amoxicillin …) — a warning that blocks signing until overridden with a reason. A
 * cross-reactive class warns or informs by how likely the reaction is: cephalosporins after a
 * penicillin allergy warn when the allergy is severe or high-criticality; NSAIDs after an aspirin
 * allergy always warn; carbapenems, COX-2 inhibitors and non-antibiotic sulfonamides inform.
 */
export function allergyRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  input.patient.allergies.forEach((allergy, index) => {
    if (allergy.category && allergy.category !== 'medication') return;
    const cls = classOf(allergy);
    const allergen = allergy.text || cls?.zh || '药物';
    for (const { drug } of input.items) {
      if ((cls && matches(drug, cls.direct)) || namesIngredient(allergy, drug)) {
        out.push({
          id: `allergy:${drug.id}:${cls?.codes[0] ?? index}`,
          rule: 'allergy',
          severity: 'warning',
          medicationIds: [drug.id],
          message: `患者有${allergen}记录${severeNote(allergy)}，${drug.name}${cls ? `属${cls.zh}药物` : '含过敏成分'}：过敏禁忌。`,
          messageEn: `The patient is allergic to ${cls?.en ?? allergy.text}${severeNoteEn(allergy)}; ${drug.nameEn} ${cls ? `is one of the ${cls.en}` : 'contains the allergen'}.`,
        });
        continue;
      }
      const cross = cls?.cross.find((c) => matches(drug, c.matcher));
      if (!cls || !cross) continue;
      out.push({
        id: `cross_allergy:${drug.id}:${cls.codes[0] ?? index}`,
        rule: 'cross_allergy',
        severity: cross.level === 'warning' || (cross.level === 'severe' && (allergy.severe || allergy.criticality === 'high')) ? 'warning' : 'info',
        medicationIds: [drug.id],
        message: `患者有${allergen}记录${severeNote(allergy)}：${cross.zh}，请慎用${drug.name}。`,
        messageEn: `The patient is allergic to ${cls.en}${severeNoteEn(allergy)}: ${cross.en}; use ${drug.nameEn} with caution.`,
      });
    }
  });
  return out;
}
