import type { Finding, OverrideReasonCode, Severity } from '@cloudclinic/shared';
import { activeDuplicateRule } from './active-duplicate';
import { geriatricRule, pediatricRule } from './age';
import { allergyRule } from './allergy';
import { antibioticRule } from './antibiotic';
import { controlledRule } from './controlled';
import { duplicateRule } from './duplicate';
import { durationRule } from './duration';
import { highAlertRule } from './high-alert';
import { interactionRule } from './interactions';
import { maxDoseRule } from './max-dose';
import { lactationRule, pregnancyRule } from './pregnancy';
import { routeRule } from './route';
import { stockRule } from './stock';
import type { RawFinding, SafetyInput, SafetyRuleFn } from './types';

export type { CheckedItem, OtherMedication, PlatformMedication, SafetyInput } from './types';

/** Every rule, in the order their findings are shown (legal refusals first). */
export const RULES: readonly SafetyRuleFn[] = [
  controlledRule,
  routeRule,
  activeDuplicateRule,
  antibioticRule,
  allergyRule,
  interactionRule,
  duplicateRule,
  maxDoseRule,
  pediatricRule,
  geriatricRule,
  pregnancyRule,
  lactationRule,
  stockRule,
  durationRule,
  highAlertRule,
];

const ORDER: Record<Severity, number> = { refused: 0, warning: 1, info: 2 };

/** A type alias (not an interface) so that it is storable as Prisma JSON. */
export type OverrideRecord = {
  code: OverrideReasonCode;
  reason: string;
  by: string;
  at: string;
};

/**
 * Runs every rule and attaches recorded override reasons to warnings (a refusal cannot be
 * overridden; info needs none). Findings are deduplicated by id and sorted by severity.
 */
export function runSafetyChecks(input: SafetyInput, overrides: Readonly<Record<string, OverrideRecord>> = {}): Finding[] {
  const byId = new Map<string, RawFinding>();
  for (const rule of RULES) for (const f of rule(input)) if (!byId.has(f.id)) byId.set(f.id, f);
  return [...byId.values()]
    .map((f) => ({ ...f, override: f.severity === 'warning' ? (overrides[f.id] ?? null) : null }))
    .sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** Signable when nothing is refused and every warning carries an override reason. */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'refused' || (f.severity === 'warning' && !f.override));
}
