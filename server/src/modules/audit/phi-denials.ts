import { IdSchema } from '@cloudclinic/shared';
import type { AppError } from '../../lib/errors';
import type { AuditLog } from './audit-log';

/** API paths (under /api) that serve patient data: an unauthenticated call there is a PHI access attempt. */
const PHI_PREFIXES = ['/consultations', '/dicomweb', '/prescriptions', '/records'];

export function isPhiPath(path: string): boolean {
  return PHI_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

export interface DeniedRequest {
  method: string;
  /** Path below /api, without the query string. */
  path: string;
  ip?: string | undefined;
  requestId?: string | undefined;
}

/**
 * Records a 401 on a PHI route in the audit trail (who tried is unknown; where from and what is):
 * the method, the path, the consultation id when the path names one, the address and request id.
 */
export async function auditPhiDenial(audit: AuditLog, req: DeniedRequest, err: AppError): Promise<void> {
  if (!isPhiPath(req.path)) return;
  const [, first, second] = req.path.split('/');
  const consultationId = first === 'consultations' ? IdSchema.safeParse(second) : undefined;
  await audit.record({
    action: 'auth.denied',
    outcome: err.code,
    ip: req.ip,
    requestId: req.requestId,
    ...(consultationId?.success ? { consultationId: consultationId.data } : {}),
    detail: { method: req.method, path: req.path.slice(0, 256) },
  });
}
