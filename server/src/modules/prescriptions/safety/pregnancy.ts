import { LACTATION, PREGNANCY } from './pregnancy-tables';
import { matches, type RawFinding, type SafetyInput } from './types';

const CHILDBEARING = { from: 15, to: 49 };

/**
 * Pregnancy: contraindicated drugs warn (override with reason), cautions inform. When pregnancy
 * status is unknown for a woman of childbearing age, a contraindicated drug asks to confirm it.
 */
export function pregnancyRule(input: SafetyInput): RawFinding[] {
  const { pregnant, sex, ageYears } = input.patient;
  const childbearing = sex === 'female' && ageYears !== null && ageYears >= CHILDBEARING.from && ageYears <= CHILDBEARING.to;
  if (pregnant === false || (pregnant === null && !childbearing)) return [];
  const out: RawFinding[] = [];
  for (const { drug } of input.items) {
    const hit = PREGNANCY.find((p) => matches(drug, p.matcher));
    if (!hit) continue;
    if (pregnant === true) {
      out.push({
        id: `pregnancy:${drug.id}:${hit.level}`,
        rule: 'pregnancy',
        severity: hit.level === 'contraindicated' ? 'warning' : 'info',
        medicationIds: [drug.id],
        message: `妊娠期：${hit.zh}（${drug.name}${hit.level === 'contraindicated' ? '，妊娠期禁用' : ''}）。`,
        messageEn: `Pregnancy: ${hit.en} (${drug.nameEn}${hit.level === 'contraindicated' ? ', contraindicated' : ''}).`,
      });
    } else if (hit.level === 'contraindicated') {
      out.push({
        id: `pregnancy:${drug.id}:unknown`,
        rule: 'pregnancy',
        severity: 'info',
        medicationIds: [drug.id],
        message: `育龄期女性，${drug.name}妊娠期禁用：请确认患者是否妊娠。`,
        messageEn: `Woman of childbearing age; ${drug.nameEn} is contraindicated in pregnancy: confirm she is not pregnant.`,
      });
    }
  }
  return out;
}

/** Breastfeeding: contraindicated drugs warn, cautions inform. */
export function lactationRule(input: SafetyInput): RawFinding[] {
  if (!input.patient.lactating) return [];
  const out: RawFinding[] = [];
  for (const { drug } of input.items) {
    const hit = LACTATION.find((p) => matches(drug, p.matcher));
    if (!hit) continue;
    out.push({
      id: `lactation:${drug.id}:${hit.level}`,
      rule: 'lactation',
      severity: hit.level === 'contraindicated' ? 'warning' : 'info',
      medicationIds: [drug.id],
      message: `哺乳期：${hit.zh}（${drug.name}）。`,
      messageEn: `Breastfeeding: ${hit.en} (${drug.nameEn}).`,
    });
  }
  return out;
}
