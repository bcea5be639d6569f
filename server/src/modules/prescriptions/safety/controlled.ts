import type { FormularyDrug } from '../fhir-formulary';
import type { RawFinding, SafetyInput } from './types';

/** The rule every refusal below names (《互联网诊疗管理办法（试行）》第十九条). */
export const ONLINE_RULE = { zh: '《互联网诊疗管理办法（试行）》第十九条', en: 'Internet Diagnosis and Treatment Measures, art. 19' } as const;

interface Refusal {
  key: string;
  zh: string;
  en: string;
}

/** Why a product may never be prescribed online, or null. */
export function onlineRefusal(drug: FormularyDrug): Refusal | null {
  const f = drug.flags;
  if (f.narcotic) return { key: 'narcotic', zh: '麻醉药品', en: 'a narcotic (麻醉药品)' };
  if (f.psychotropic === 'I') return { key: 'psychotropic-1', zh: '第一类精神药品', en: 'a class I psychotropic (第一类精神药品)' };
  if (f.psychotropic === 'II') return { key: 'psychotropic-2', zh: '第二类精神药品', en: 'a class II psychotropic (第二类精神药品)' };
  if (f.control === 'toxic') return { key: 'toxic', zh: '医疗用毒性药品', en: 'a toxic drug for medical use (医疗用毒性药品)' };
  if (f.control === 'radioactive') return { key: 'radioactive', zh: '放射性药品', en: 'a radiopharmaceutical (放射性药品)' };
  if (!f.internetPrescribing) return { key: 'not-online', zh: '本院药品目录规定不得在互联网诊疗中开具的药品', en: 'marked by the county formulary as not for internet prescribing' };
  return null;
}

/**
 * Special-control drugs are never prescribed online — refused, no override: narcotics, class I and
 * class II psychotropics, toxic drugs for medical use, radiopharmaceuticals, and whatever the county
 * formulary marks as not for internet prescribing. The patient must be seen in person.
 */
export function controlledRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { drug } of input.items) {
    const why = onlineRefusal(drug);
    if (!why) continue;
    out.push({
      id: `controlled:${drug.id}:${why.key}`,
      rule: 'controlled',
      severity: 'refused',
      medicationIds: [drug.id],
      message: `${drug.name}属${why.zh}，依据${ONLINE_RULE.zh}不得在互联网诊疗中开具，不可越过；请线下就诊。`,
      messageEn: `${drug.nameEn} is ${why.en}: under the ${ONLINE_RULE.en}, it may never be prescribed online and cannot be overridden; the patient must be seen in person.`,
    });
  }
  return out;
}
