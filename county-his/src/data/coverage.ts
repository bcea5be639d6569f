import type { Coverage } from '@medplum/fhirtypes';
import { SYSTEM } from '../fhir/systems';

/** 费别 (fee category) as the county HIS registers it for outpatient visits. */
export const FEE_CATEGORIES = {
  'employee-insurance': { zh: '医保（城镇职工）', en: 'Basic medical insurance (urban employees)' },
  'resident-insurance': { zh: '医保（城乡居民）', en: 'Basic medical insurance (urban and rural residents)' },
  'self-pay': { zh: '自费', en: 'Self-pay' },
} as const;
export type FeeCategory = keyof typeof FEE_CATEGORIES;

/**
 * The fee category registered for each demo patient. A patient missing here has no Coverage in the
 * HIS (刘小雨, p-0005, is not registered): the platform must then say so, never guess.
 */
const DEMO_FEE_CATEGORIES: Readonly<Record<string, { category: FeeCategory; insuranceNo?: string }>> = {
  'p-0001': { category: 'employee-insurance', insuranceNo: 'ZS33092200011' },
  'p-0002': { category: 'resident-insurance', insuranceNo: 'ZS33092200027' },
  'p-0003': { category: 'self-pay' },
  'p-0004': { category: 'resident-insurance', insuranceNo: 'ZS33092100034' },
};

/** The patient's Coverage (费别), or none when the HIS has no registration for them. */
export function buildCoverage(patientId: string, start: string): Coverage[] {
  const fee = DEMO_FEE_CATEGORIES[patientId];
  if (!fee) return [];
  const label = FEE_CATEGORIES[fee.category];
  const selfPay = fee.category === 'self-pay';
  return [
    {
      resourceType: 'Coverage',
      id: `cov-${patientId}`,
      status: 'active',
      type: { coding: [{ system: SYSTEM.feeCategory, code: fee.category, display: label.en }], text: label.zh },
      ...(fee.insuranceNo ? { subscriberId: fee.insuranceNo } : {}),
      beneficiary: { reference: `Patient/${patientId}` },
      period: { start },
      payor: selfPay ? [{ reference: `Patient/${patientId}`, display: '本人' }] : [{ display: '舟山市医疗保障局' }],
    },
  ];
}
