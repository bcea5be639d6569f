import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { checkAcknowledgements, overriddenWarnings } from './review-acknowledgement';

const finding = (id: string, severity: 'warning' | 'info' | 'refused', overrideReason: string | null) => ({ id, severity, message: id, overrideCode: overrideReason ? 'monitoring_arranged' : null, overrideReason });
const allergy = finding('allergy:amoxicillin:penicillin', 'warning', '皮试阴性，已告知风险');
const dose = finding('max_dose:nifedipine', 'warning', '已评估获益与风险');

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
  }
  throw new Error('expected a refusal');
}

describe('the pharmacist acknowledges overridden warnings', () => {
  it('only warnings with an override reason need acknowledging', () => {
    const payload = { findings: [allergy, finding('continuation:amlodipine', 'info', null), finding('stock:x', 'warning', null)] };
    expect(overriddenWarnings(payload as never).map((f) => f.id)).toEqual([allergy.id]);
  });

  it('every overridden warning acknowledged: accepted, duplicates and order do not matter', () => {
    expect(checkAcknowledgements([allergy, dose], new Set(), [dose.id, allergy.id, dose.id]).map((f) => f.id)).toEqual([allergy.id, dose.id]);
    expect(checkAcknowledgements([], new Set(), [])).toEqual([]);
  });

  it('none or some acknowledged: 422 warnings_unacknowledged naming each missing one', () => {
    const none = refusal(() => checkAcknowledgements([allergy, dose], new Set(), []));
    expect([none.status, none.code, none.details]).toMatchObject([422, 'warnings_unacknowledged', { missing: [`acknowledgement:${allergy.id}`, `acknowledgement:${dose.id}`] }]);
    const partial = refusal(() => checkAcknowledgements([allergy, dose], new Set(), [allergy.id]));
    expect(partial.details).toMatchObject({ missing: [`acknowledgement:${dose.id}`], findings: [{ id: dose.id, overrideReason: '已评估获益与风险' }] });
  });

  it('an id of an earlier version or an unknown id: 409 acknowledgement_stale, even with every current one named', () => {
    const stale = refusal(() => checkAcknowledgements([allergy], new Set([dose.id]), [allergy.id, dose.id]));
    expect([stale.status, stale.code, stale.details]).toEqual([409, 'acknowledgement_stale', { unknown: [dose.id], stale: [dose.id], expected: [allergy.id] }]);
    const unknown = refusal(() => checkAcknowledgements([allergy], new Set(), ['something-else']));
    expect(unknown.details).toEqual({ unknown: ['something-else'], stale: [], expected: [allergy.id] });
  });
});
