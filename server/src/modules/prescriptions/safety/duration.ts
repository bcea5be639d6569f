import type { RawFinding, SafetyInput } from './types';

/** More than 30 days' supply is a long-term prescription (长期处方): state the reason. */
export const LONG_PRESCRIPTION_DAYS = 30;

export function durationRule(input: SafetyInput): RawFinding[] {
  return input.items
    .filter((i) => i.days > LONG_PRESCRIPTION_DAYS && i.frequency !== 'st')
    .map(({ drug, days }) => ({
      id: `duration:${drug.id}:${days}`,
      rule: 'duration' as const,
      severity: 'warning' as const,
      medicationIds: [drug.id],
      message: `${drug.name}处方${days}日用量超过30日，属长期处方，请说明理由。`,
      messageEn: `${drug.nameEn}: ${days} days' supply exceeds 30 days (long-term prescription); state the reason.`,
    }));
}
