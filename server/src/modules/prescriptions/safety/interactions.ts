import type { FormularyDrug } from '../fhir-formulary';
import { INTERACTIONS, type Interaction } from './interaction-table';
import { matches, type RawFinding, type SafetyInput } from './types';

function pairs(x: FormularyDrug, y: FormularyDrug): Interaction | undefined {
  return INTERACTIONS.find((r) => (matches(x, r.a) && matches(y, r.b)) || (matches(x, r.b) && matches(y, r.a)));
}

/**
 * Major interactions from the curated table, between prescribed items and against the patient's
 * current HIS medications. Contraindicated within one prescription: refused. Contraindicated with a
 * current medication (which the expert may be stopping) or major: warning. Moderate: info.
 */
export function interactionRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  const items = input.items;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]?.drug;
      const b = items[j]?.drug;
      const hit = a && b ? pairs(a, b) : undefined;
      if (!a || !b || !hit) continue;
      out.push({
        id: `interaction:${hit.id}:${[a.id, b.id].sort().join('+')}`,
        rule: 'interaction',
        severity: hit.severity === 'contraindicated' ? 'refused' : hit.severity === 'major' ? 'warning' : 'info',
        medicationIds: [a.id, b.id],
        message: `${a.name} + ${b.name}：${hit.zh}。`,
        messageEn: `${a.nameEn} + ${b.nameEn}: ${hit.en}.`,
      });
    }
  }
  for (const { drug } of items) {
    for (const current of input.currentMedications) {
      const other = current.drug;
      if (!other || other.id === drug.id) continue;
      const hit = pairs(drug, other);
      if (!hit) continue;
      out.push({
        id: `interaction:${hit.id}:${drug.id}:current:${other.id}`,
        rule: 'interaction',
        severity: hit.severity === 'moderate' ? 'info' : 'warning',
        medicationIds: [drug.id],
        message: `${drug.name}与患者正在服用的${current.name || other.name}：${hit.zh}。`,
        messageEn: `${drug.nameEn} with the patient's current ${other.nameEn}: ${hit.en}.`,
      });
    }
  }
  return out;
}
