import type { SignedPrescriptionPayload } from '@cloudclinic/shared';
import { AppError } from '../../lib/errors';

type SignedFinding = SignedPrescriptionPayload['findings'][number];

/** The warnings the prescriber signed over (a warning with an override reason), as signed. */
export function overriddenWarnings(payload: SignedPrescriptionPayload): SignedFinding[] {
  return payload.findings.filter((f) => f.severity === 'warning' && f.overrideReason !== null);
}

/**
 * The pharmacist's acknowledgements must name exactly the warnings overridden in the version under
 * review. An id that is not one of them is refused first (409 `acknowledgement_stale`: the pharmacist
 * looked at another version, or the id is unknown); then every overridden warning must be named
 * (422 `warnings_unacknowledged`, each missing one listed). Returns the acknowledged findings.
 */
export function checkAcknowledgements(current: readonly SignedFinding[], earlierIds: ReadonlySet<string>, acknowledged: readonly string[]): SignedFinding[] {
  const expected = new Set(current.map((f) => f.id));
  const unknown = [...new Set(acknowledged)].filter((id) => !expected.has(id));
  if (unknown.length > 0) {
    throw new AppError('acknowledgement_stale', '所确认的警示不是当前待审版本越过的警示，请刷新后重新核对。The acknowledged warnings are not those overridden in the version under review; reload it.', {
      unknown,
      stale: unknown.filter((id) => earlierIds.has(id)),
      expected: [...expected],
    });
  }
  const missing = current.filter((f) => !acknowledged.includes(f.id));
  if (missing.length > 0) {
    throw new AppError('warnings_unacknowledged', `请逐条确认医生越过的${missing.length}条警示后再审核通过。Acknowledge each overridden warning before approving.`, {
      missing: missing.map((f) => `acknowledgement:${f.id}`),
      findings: missing.map((f) => ({ id: f.id, message: f.message, overrideCode: f.overrideCode, overrideReason: f.overrideReason })),
    });
  }
  return [...current];
}
