import { IMAGING_AUDIT, type AccessClaims } from '@cloudclinic/shared';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess, ParticipantGrant } from '../consultations/consultation-access';

export interface AccessContext {
  requestId?: string | undefined;
  ip?: string | undefined;
}

/** Looks up the PatientID(s) the PACS holds a study under (empty: no such study). */
export type StudyOwnerLookup = (studyUid: string) => Promise<string[]>;

export interface ImagingAccessOptions {
  /** How long a study → patient answer from the PACS is reused (the check itself runs every time). */
  ownerTtlMs?: number;
  /** Re-opening the same study within this window is not audited again. */
  auditWindowMs?: number;
  now?: () => number;
}

/**
 * Who may see which images (the one policy place for imaging):
 *  - only a participant of the consultation, as decided by `ConsultationAccess` (not ended);
 *  - only studies whose PatientID is the consultation's HIS patient id.
 * Searches are audited; every study opened is audited (once per user, consultation and study in a
 * short window, so that the hundreds of frame requests of one viewing make one record); every
 * refusal is audited.
 */
export class ImagingAccess {
  private readonly owners = new Map<string, { patientIds: string[]; at: number }>();
  private readonly opened = new Map<string, number>();
  private readonly ownerTtlMs: number;
  private readonly auditWindowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly access: ConsultationAccess,
    private readonly lookupOwner: StudyOwnerLookup,
    private readonly audit: AuditLog,
    private readonly log: Logger,
    opts: ImagingAccessOptions = {},
  ) {
    this.ownerTtlMs = opts.ownerTtlMs ?? 60_000;
    this.auditWindowMs = opts.auditWindowMs ?? 15 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  /** QIDO-RS study search: the caller must constrain the search to the returned patient id. */
  async forSearch(user: AccessClaims, consultationId: string, ctx: AccessContext): Promise<ParticipantGrant> {
    const grant = await this.grantOrAudit(user, consultationId, IMAGING_AUDIT.search, undefined, ctx);
    await this.record(user, IMAGING_AUDIT.search, 'ok', consultationId, grant.hisPatientId, undefined, ctx);
    return grant;
  }

  /** Anything under `studies/{studyUid}`: the study must belong to the consultation's patient. */
  async forStudy(user: AccessClaims, consultationId: string, studyUid: string, ctx: AccessContext): Promise<ParticipantGrant> {
    const grant = await this.grantOrAudit(user, consultationId, IMAGING_AUDIT.studyOpen, studyUid, ctx);
    const owners = await this.ownersOf(studyUid);
    if (owners.length === 0) {
      await this.record(user, IMAGING_AUDIT.studyOpen, 'not_found', consultationId, grant.hisPatientId, studyUid, ctx);
      throw notFound('Study');
    }
    if (owners.length !== 1 || owners[0] !== grant.hisPatientId) {
      this.log.warn({ userId: user.sub, consultationId, studyUid }, 'imaging: study of another patient refused');
      await this.record(user, IMAGING_AUDIT.studyOpen, 'forbidden', consultationId, grant.hisPatientId, studyUid, ctx);
      throw forbidden("This study does not belong to the consultation's patient");
    }
    const key = `${user.sub}|${consultationId}|${studyUid}`;
    const last = this.opened.get(key);
    const now = this.now();
    if (last === undefined || now - last > this.auditWindowMs) {
      this.opened.set(key, now);
      this.prune(this.opened, (at) => now - at > this.auditWindowMs);
      await this.record(user, IMAGING_AUDIT.studyOpen, 'ok', consultationId, grant.hisPatientId, studyUid, ctx);
    }
    return grant;
  }

  private async grantOrAudit(user: AccessClaims, consultationId: string, action: string, studyUid: string | undefined, ctx: AccessContext): Promise<ParticipantGrant> {
    try {
      return await this.access.grant(user, consultationId);
    } catch (err) {
      const outcome = err instanceof AppError ? err.code : 'error';
      await this.record(user, action, outcome, consultationId, undefined, studyUid, ctx);
      throw err;
    }
  }

  private async ownersOf(studyUid: string): Promise<string[]> {
    const cached = this.owners.get(studyUid);
    const now = this.now();
    if (cached && now - cached.at < this.ownerTtlMs) return cached.patientIds;
    const patientIds = await this.lookupOwner(studyUid);
    // Unknown studies are not cached: the study may arrive in the PACS a moment later.
    if (patientIds.length > 0) {
      this.owners.set(studyUid, { patientIds, at: now });
      this.prune(this.owners, (v) => now - v.at > this.ownerTtlMs);
    }
    return patientIds;
  }

  /** Keeps the in-memory maps bounded. */
  private prune<V>(map: Map<string, V>, expired: (v: V) => boolean): void {
    if (map.size < 5_000) return;
    for (const [k, v] of map) if (expired(v)) map.delete(k);
    while (map.size >= 5_000) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }

  private record(user: AccessClaims, action: string, outcome: string, consultationId: string, hisPatientId: string | undefined, studyUid: string | undefined, ctx: AccessContext) {
    return this.audit.record({
      action,
      outcome,
      actorId: user.sub,
      actorRole: user.role,
      institutionId: user.inst,
      consultationId,
      hisPatientId,
      ...(studyUid ? { entityType: 'ImagingStudy', entityId: studyUid } : {}),
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
  }
}
