import { BEERS, PEDIATRIC_CAUTIONS } from './age-tables';
import { doseLimitFor } from './dose-limits';
import { matches, type RawFinding, type SafetyInput } from './types';

/** Age at which the elderly rules (Beers criteria) start. */
export const ELDERLY_AGE = 65;

/**
 * Children: drugs to avoid or adjust by age; below 12, a drug without an age-specific dose limit
 * gets a reminder to dose by weight (the adult maximum-dose check still applies).
 */
export function pediatricRule(input: SafetyInput): RawFinding[] {
  const age = input.patient.ageYears;
  if (age === null || age >= 18) return [];
  const out: RawFinding[] = [];
  for (const { drug } of input.items) {
    const caution = PEDIATRIC_CAUTIONS.find((c) => age < c.belowAge && matches(drug, c.matcher));
    if (caution) {
      out.push({
        id: `pediatric:${drug.id}`,
        rule: 'pediatric',
        severity: caution.severity,
        medicationIds: [drug.id],
        message: `患儿${age}岁：${caution.zh}（${drug.name}）。`,
        messageEn: `Child aged ${age}: ${caution.en} (${drug.nameEn}).`,
      });
    } else if (age < 12 && !drug.ingredients.every((i) => doseLimitFor(i.key)?.children)) {
      out.push({
        id: `pediatric:${drug.id}:weight`,
        rule: 'pediatric',
        severity: 'info',
        medicationIds: [drug.id],
        message: `患儿${age}岁：${drug.name}请按体重核算剂量。`,
        messageEn: `Child aged ${age}: dose ${drug.nameEn} by body weight.`,
      });
    }
  }
  return out;
}

/** Older adults (≥65): potentially inappropriate medications (Beers): avoid → warning, caution → info. */
export function geriatricRule(input: SafetyInput): RawFinding[] {
  const age = input.patient.ageYears;
  if (age === null || age < ELDERLY_AGE) return [];
  const out: RawFinding[] = [];
  for (const item of input.items) {
    const { drug } = item;
    const hit = BEERS.find((b) => matches(drug, b.matcher) && (b.minDays === undefined || item.days > b.minDays));
    if (!hit) continue;
    out.push({
      id: `geriatric:${drug.id}:${hit.level}`,
      rule: 'geriatric',
      severity: hit.level === 'avoid' ? 'warning' : 'info',
      medicationIds: [drug.id],
      message: `老年患者（${age}岁）：${hit.zh}（${drug.name}，Beers标准${hit.level === 'avoid' ? '：避免使用' : '：慎用'}）。`,
      messageEn: `Older adult (${age}): ${hit.en} (${drug.nameEn}; Beers criteria: ${hit.level}).`,
    });
  }
  return out;
}
