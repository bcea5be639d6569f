import type { FormularyDrug } from '../fhir-formulary';
import type { RawFinding, SafetyInput } from './types';

/** Classes where two different products together are usual (basal + bolus insulin, supplements, fluids). */
const COMBINABLE_CLASSES = new Set(['insulin', 'vitamin', 'iron', 'iv-fluid', 'electrolyte', '']);

function sharedIngredient(a: FormularyDrug, b: FormularyDrug): string | null {
  const hit = a.ingredients.find((i) => b.ingredients.some((j) => j.key === i.key));
  return hit ? hit.zh : null;
}

const sameClass = (a: FormularyDrug, b: FormularyDrug) => a.drugClass === b.drugClass && !COMBINABLE_CLASSES.has(a.drugClass);

/**
 * Duplicate therapy: the same ingredient or the same class twice in the prescription, or already
 * taken by the patient (HIS MedicationStatement). Renewing the very product the patient takes is a
 * continuation (续方): information only.
 */
export function duplicateRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  const items = input.items;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]?.drug;
      const b = items[j]?.drug;
      if (!a || !b) continue;
      const ingredient = sharedIngredient(a, b);
      if (ingredient || sameClass(a, b)) {
        out.push({
          id: `duplicate:${[a.id, b.id].sort().join('+')}`,
          rule: 'duplicate',
          severity: 'warning',
          medicationIds: [a.id, b.id],
          message: ingredient ? `${a.name}与${b.name}含相同成分（${ingredient}），重复用药。` : `${a.name}与${b.name}为同类药物，重复用药。`,
          messageEn: ingredient ? `${a.nameEn} and ${b.nameEn} contain the same ingredient: duplicate therapy.` : `${a.nameEn} and ${b.nameEn} are of the same class: duplicate therapy.`,
        });
      }
    }
  }
  for (const { drug } of items) {
    for (const current of input.currentMedications) {
      const other = current.drug;
      if (!other) continue;
      if (other.id === drug.id) {
        out.push({
          id: `continuation:${drug.id}`,
          rule: 'continuation',
          severity: 'info',
          medicationIds: [drug.id],
          message: `患者正在服用${drug.name}（续方）。`,
          messageEn: `The patient already takes ${drug.nameEn} (renewal).`,
        });
        continue;
      }
      const ingredient = sharedIngredient(drug, other);
      if (!ingredient && !sameClass(drug, other)) continue;
      out.push({
        id: `duplicate:${drug.id}:current:${other.id}`,
        rule: 'duplicate',
        severity: 'warning',
        medicationIds: [drug.id],
        message: ingredient
          ? `患者正在服用${current.name || other.name}，与${drug.name}含相同成分（${ingredient}），重复用药。`
          : `患者正在服用同类药物${current.name || other.name}，与${drug.name}重复用药。`,
        messageEn: ingredient
          ? `The patient already takes ${other.nameEn}, with the same ingredient as ${drug.nameEn}: duplicate therapy.`
          : `The patient already takes ${other.nameEn}, of the same class as ${drug.nameEn}: duplicate therapy.`,
      });
    }
  }
  return out;
}
