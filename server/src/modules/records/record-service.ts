import type { AccessClaims } from '@cloudclinic/shared';
import { AppError } from '../../lib/errors';
import { HisNotFoundError, HisUnavailableError, TtlCache, type HisClient, type PatientRecord } from '../../integrations/his';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';
import { minimiseBundle } from './minimise';

export interface RecordResponse extends PatientRecord {
  /** True when some parts of the record could not be loaded (the UI shows what did). */
  partial: boolean;
}

/**
 * The patient's county HIS record, read beside the video. Allowed only to participants of an active
 * consultation (and the patient's county doctor), checked per request; every access — denials
 * included — goes to the audit trail with who, role, which patient, which consultation, what, outcome.
 */
export class RecordService {
  /** Per-consultation cache: the record does not change during a visit often enough to re-read it per click. */
  private readonly cache = new TtlCache<string, PatientRecord>({ ttlMs: 60_000, maxEntries: 500 });

  constructor(
    private readonly his: HisClient | null,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditLog,
  ) {}

  async record(user: AccessClaims, consultationId: string, meta: { requestId?: string; ip?: string | undefined }, refresh = false): Promise<RecordResponse> {
    const base = { action: 'his.record.read', actorId: user.sub, actorRole: user.role, institutionId: user.inst, consultationId, requestId: meta.requestId, ip: meta.ip };
    let grant;
    try {
      grant = await this.access.grant(user, consultationId, { purpose: 'record' });
    } catch (err) {
      await this.audit.record({ ...base, outcome: err instanceof AppError ? err.code : 'error' });
      throw err;
    }
    const what = { entityType: 'Patient', entityId: grant.hisPatientId, hisPatientId: grant.hisPatientId };
    if (!this.his) {
      await this.audit.record({ ...base, ...what, outcome: 'his_not_configured' });
      throw new AppError('unavailable', 'No county HIS is configured');
    }
    const his = this.his;
    const key = `${consultationId}:${grant.hisPatientId}`;
    if (refresh) this.cache.delete(key);
    try {
      const rec = await this.cache.getOrLoad(key, () => his.patientRecord(grant.hisPatientId));
      const partial = rec.failed.length > 0;
      if (partial) this.cache.delete(key); // retry the missing parts next time
      await this.audit.record({
        ...base,
        ...what,
        outcome: partial ? 'partial' : 'ok',
        detail: { resources: rec.bundle.entry?.length ?? 0, failedParts: rec.failed.map((f) => f.part) },
      });
      return { bundle: minimiseBundle(rec.bundle), failed: rec.failed, partial };
    } catch (err) {
      const outcome = err instanceof HisNotFoundError ? 'not_found' : err instanceof HisUnavailableError ? 'his_unavailable' : 'error';
      await this.audit.record({ ...base, ...what, outcome });
      if (err instanceof HisNotFoundError) throw new AppError('not_found', 'The patient is not in the county HIS');
      if (err instanceof HisUnavailableError) throw new AppError('upstream_unavailable', 'The county HIS is unreachable; the consultation can continue', { reason: err.reason });
      throw err;
    }
  }
}
