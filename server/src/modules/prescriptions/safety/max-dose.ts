import { FREQUENCIES } from '@cloudclinic/shared';
import { convertMass, doseLimitFor, type DoseLimit } from './dose-limits';
import type { CheckedItem, RawFinding, SafetyInput } from './types';

const fmt = (n: number) => String(Number(n.toFixed(3)));

/** The limit for this patient's age: a child's band, the elderly maximum, or the adult one. */
export function limitForAge(limit: DoseLimit, ageYears: number | null): { max: number; basis: 'adult' | 'elderly' | 'child' } {
  if (ageYears !== null && ageYears < 18 && limit.children) {
    const band = limit.children.find((b) => ageYears < b.belowAge);
    if (band) return { max: band.max, basis: 'child' };
  }
  if (ageYears !== null && ageYears >= 65 && limit.elderly !== undefined) return { max: limit.elderly, basis: 'elderly' };
  return { max: limit.adult, basis: 'adult' };
}

/** Amount of each ingredient per day. Intermittent schedules (qod, qw) count a whole dose a day. */
export function dailyAmounts(item: CheckedItem): { key: string; zh: string; amount: number; ucum: string }[] {
  const units = item.unitsPerDose;
  if (units === null) return [];
  const perDay = item.frequency === 'st' ? 1 : Math.max(1, FREQUENCIES[item.frequency].dosesPerDay);
  return item.drug.ingredients.map((i) => ({ key: i.key, zh: i.zh, amount: units * perDay * i.value, ucum: i.ucum }));
}

/** Above this multiple of the maximum daily dose a prescription is refused: no reason makes it safe. */
export const HARD_STOP_MULTIPLE = 2;

/**
 * Maximum daily dose per ingredient, by age: children's bands (a maximum of 0 means not for that age),
 * a lower maximum for the elderly. Above the maximum and up to twice it warns (override with a reason,
 * e.g. a loading dose); above twice the maximum, or any dose where the drug is not for that age, is refused.
 */
export function maxDoseRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  const age = input.patient.ageYears;
  for (const item of input.items) {
    for (const daily of dailyAmounts(item)) {
      const limit = doseLimitFor(daily.key);
      if (!limit || (limit.routes && !limit.routes.includes(item.route))) continue;
      const amount = convertMass(daily.amount, daily.ucum, limit.unit);
      if (amount === null) continue;
      const { max, basis } = limitForAge(limit, age);
      if (amount <= max + 1e-9) continue;
      const who = basis === 'child' ? `${age}岁儿童` : basis === 'elderly' ? '老年患者（≥65岁）' : '成人';
      const whoEn = basis === 'child' ? `a ${age}-year-old child` : basis === 'elderly' ? 'elderly patients (65+)' : 'adults';
      const drug = item.drug;
      const refused = max === 0 || amount > max * HARD_STOP_MULTIPLE + 1e-9;
      const stop = refused && max > 0 ? `，达最大日剂量的${fmt(amount / max)}倍（超过${HARD_STOP_MULTIPLE}倍），不可越过` : '';
      const stopEn = refused && max > 0 ? `: ${fmt(amount / max)} times the maximum (more than ${HARD_STOP_MULTIPLE}×), which cannot be overridden` : '';
      out.push({
        id: `max_dose:${drug.id}:${daily.key}:${fmt(amount)}`,
        rule: 'max_dose',
        severity: refused ? 'refused' : 'warning',
        medicationIds: [drug.id],
        message:
          max === 0
            ? `${drug.name}不适用于${who}。`
            : `${drug.name}日剂量${fmt(amount)} ${limit.unit}（${daily.zh}）超过${who}最大日剂量${fmt(max)} ${limit.unit}${stop}。`,
        messageEn:
          max === 0
            ? `${drug.nameEn} is not for ${whoEn}.`
            : `${drug.nameEn}: ${fmt(amount)} ${limit.unit} a day exceeds the maximum of ${fmt(max)} ${limit.unit} for ${whoEn}${stopEn}.`,
      });
    }
  }
  return out;
}
