import type { VitalNumbers } from './vitals-simulator';

export type AlarmKey = 'hrHigh' | 'hrLow' | 'spo2Low' | 'sysHigh' | 'sysLow' | 'rrHigh' | 'rrLow' | 'tempHigh' | 'tempLow';

export interface Alarm {
  key: AlarmKey;
  /** The vital it concerns (for highlighting its number). */
  vital: keyof VitalNumbers;
  /** `high`: act now (red); `medium`: watch (amber). */
  priority: 'high' | 'medium';
  value: number;
}

interface Rule {
  key: AlarmKey;
  vital: keyof VitalNumbers;
  test(v: number): boolean;
  priority: Alarm['priority'];
}

/** Adult alarm limits as monitors ship them by default (HR 50–120, SpO2 ≥ 90 …). */
export const ALARM_RULES: readonly Rule[] = [
  { key: 'hrHigh', vital: 'hr', test: (v) => v > 120, priority: 'high' },
  { key: 'hrLow', vital: 'hr', test: (v) => v < 50, priority: 'high' },
  { key: 'spo2Low', vital: 'spo2', test: (v) => v < 90, priority: 'high' },
  { key: 'sysHigh', vital: 'sys', test: (v) => v > 180, priority: 'medium' },
  { key: 'sysLow', vital: 'sys', test: (v) => v < 90, priority: 'high' },
  { key: 'rrHigh', vital: 'rr', test: (v) => v > 30, priority: 'medium' },
  { key: 'rrLow', vital: 'rr', test: (v) => v < 8, priority: 'high' },
  { key: 'tempHigh', vital: 'temp', test: (v) => v > 38.5, priority: 'medium' },
  { key: 'tempLow', vital: 'temp', test: (v) => v < 35, priority: 'medium' },
];

/** The alarms these numbers raise, high priority first. */
export function alarmsFor(v: VitalNumbers): Alarm[] {
  const out: Alarm[] = [];
  for (const rule of ALARM_RULES) {
    const value = v[rule.vital];
    if (value !== null && rule.test(value)) out.push({ key: rule.key, vital: rule.vital, priority: rule.priority, value });
  }
  return out.sort((a, b) => (a.priority === b.priority ? 0 : a.priority === 'high' ? -1 : 1));
}
