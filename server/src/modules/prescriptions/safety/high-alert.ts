import type { RawFinding, SafetyInput } from './types';

/** High-alert medications (高警示药品): shown to prescriber and pharmacist for double checking. */
export function highAlertRule(input: SafetyInput): RawFinding[] {
  return input.items
    .filter(({ drug }) => drug.flags.highAlert && !drug.flags.narcotic)
    .map(({ drug }) => ({
      id: `high_alert:${drug.id}`,
      rule: 'high_alert' as const,
      severity: 'info' as const,
      medicationIds: [drug.id],
      message: `${drug.name}为高警示药品，请核对剂量与用法。`,
      messageEn: `${drug.nameEn} is a high-alert medication: double-check dose and directions.`,
    }));
}
