import type { RawFinding, SafetyInput } from './types';

/**
 * Controlled drugs: narcotics (麻醉药品) and class I psychotropics (第一类精神药品) are never
 * prescribed online — refused, no override. Class II psychotropics need a stated reason.
 */
export function controlledRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  for (const item of input.items) {
    const { drug } = item;
    if (drug.flags.narcotic) {
      out.push({
        id: `controlled:${drug.id}:narcotic`,
        rule: 'controlled',
        severity: 'refused',
        medicationIds: [drug.id],
        message: `${drug.name}属麻醉药品，按规定不得在互联网诊疗中开具，请线下就诊。`,
        messageEn: `${drug.nameEn} is a narcotic: it may never be prescribed online; the patient must be seen in person.`,
      });
    } else if (drug.flags.psychotropic === 'I') {
      out.push({
        id: `controlled:${drug.id}:psychotropic-1`,
        rule: 'controlled',
        severity: 'refused',
        medicationIds: [drug.id],
        message: `${drug.name}属第一类精神药品，按规定不得在互联网诊疗中开具，请线下就诊。`,
        messageEn: `${drug.nameEn} is a class I psychotropic: it may never be prescribed online; the patient must be seen in person.`,
      });
    } else if (drug.flags.psychotropic === 'II') {
      out.push({
        id: `controlled:${drug.id}:psychotropic-2:${item.days}`,
        rule: 'controlled',
        severity: 'warning',
        medicationIds: [drug.id],
        message: `${drug.name}属第二类精神药品${item.days > 7 ? `，${item.days}日用量超过一般7日限量` : ''}，请说明开具理由。`,
        messageEn: `${drug.nameEn} is a class II psychotropic${item.days > 7 ? `; ${item.days} days exceed the usual 7-day limit` : ''}: state the reason.`,
      });
    }
  }
  return out;
}
