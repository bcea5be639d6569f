import { FileReferralBodySchema, type AccessClaims, type Attachables, type FileReferralBody, type ReferralListQuery, type ReferralView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { badRequest, forbidden, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess, ParticipantGrant } from '../consultations/consultation-access';
import type { RequestAttachments } from '../consultations/request-attachments';
import { referralResults } from './referral-results';
import { ReferralPolicy, type ReferralActor } from './referral-policy';
import { referralFacts, referralInclude, referralViews, type ReferralRow } from './referral-views';

/**
 * 上转: from a consultation, one of its experts or a county doctor of the patient's institution
 * refers the patient to a provincial department (an outpatient visit, an admission or an exam);
 * the provincial coordinator answers (`ReferralBooking`).
 */
export class ReferralService {
  constructor(
    private readonly prisma: Prisma,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditLog,
    private readonly attachments: RequestAttachments,
  ) {}

  async actor(user: AccessClaims): Promise<ReferralActor> {
    const u = await this.prisma.user.findUnique({ where: { id: user.sub }, select: { id: true, role: true, institutionId: true, departmentId: true, disabled: true } });
    if (!u || u.disabled) throw forbidden();
    return u;
  }

  /** The consultation's experts and the patient's county doctor (of the patient's institution) only. */
  async party(user: AccessClaims, consultationId: string): Promise<ParticipantGrant> {
    const grant = await this.access.grant(user, consultationId, { allowEnded: true, purpose: 'record' });
    const county = grant.participantRole === 'local_doctor' && user.role === 'county_doctor' && user.inst === grant.patientInstitutionId;
    if (grant.participantRole !== 'expert' && !county) throw forbidden('Referrals are filed by the consultation’s experts or the patient’s county doctor');
    return grant;
  }

  async file(user: AccessClaims, consultationId: string, input: FileReferralBody): Promise<ReferralView> {
    const body = FileReferralBodySchema.parse(input);
    const grant = await this.party(user, consultationId);
    const dept = await this.prisma.department.findUnique({ where: { id: body.departmentId }, include: { institution: true } });
    if (!dept || dept.institution.kind !== 'provincial_hospital') throw badRequest('departmentId is not a provincial department');
    const results = await referralResults(this.attachments, grant.hisPatientId, body.studyUids, body.reportIds);
    const row = await this.prisma.referral.create({
      data: {
        consultationId,
        institutionId: grant.patientInstitutionId,
        hisPatientId: grant.hisPatientId,
        requestedById: user.sub,
        departmentId: dept.id,
        kind: body.kind,
        examType: body.examType ?? null,
        reason: body.reason,
        urgency: body.urgency,
        summary: body.summary,
        results: { create: results },
      },
      include: referralInclude,
    });
    await this.record(user, 'referral.create', row, { kind: row.kind, examType: row.examType, urgency: row.urgency, results: results.length });
    return this.view(user, row);
  }

  /** The patient's PACS studies and HIS reports a referral from this consultation may carry (its filers only). */
  async attachables(user: AccessClaims, consultationId: string): Promise<Attachables> {
    const grant = await this.party(user, consultationId);
    const list = await this.attachments.list(grant.hisPatientId);
    await this.audit.record({ action: 'referral.attachables', outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, consultationId, hisPatientId: grant.hisPatientId });
    return list;
  }

  /** A consultation's referrals, for its experts and the patient's county doctor. */
  async forConsultation(user: AccessClaims, consultationId: string): Promise<ReferralView[]> {
    await this.party(user, consultationId);
    const rows = await this.prisma.referral.findMany({ where: { consultationId }, include: referralInclude, orderBy: { createdAt: 'desc' } });
    const actor = await this.actor(user);
    // A participant sees the consultation's referrals; what they may do stays with the referral policy.
    return referralViews(this.prisma, actor, rows);
  }

  /** The referrals this user sees (the coordinator's inbox: every one), newest first. */
  async list(user: AccessClaims, query: ReferralListQuery = {}): Promise<ReferralView[]> {
    const actor = await this.actor(user);
    const rows = await this.prisma.referral.findMany({
      where: { AND: [ReferralPolicy.visible(actor), query.status ? { status: query.status } : {}] },
      include: referralInclude,
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    return referralViews(this.prisma, actor, rows);
  }

  async get(user: AccessClaims, id: string): Promise<ReferralView> {
    const actor = await this.actor(user);
    ReferralPolicy.assertMayUse(actor);
    const row = await this.load(id);
    if (!ReferralPolicy.sees(actor, referralFacts(row))) throw forbidden('This referral is not yours to see');
    await this.record(user, 'referral.read', row);
    return this.view(user, row, actor);
  }

  async load(id: string): Promise<ReferralRow> {
    const row = await this.prisma.referral.findUnique({ where: { id }, include: referralInclude });
    if (!row) throw notFound('Referral');
    return row;
  }

  async view(user: AccessClaims, row: ReferralRow, actor?: ReferralActor): Promise<ReferralView> {
    const [view] = await referralViews(this.prisma, actor ?? (await this.actor(user)), [row]);
    if (!view) throw notFound('Referral');
    return view;
  }

  record(user: AccessClaims, action: string, row: ReferralRow, detail?: Record<string, unknown>): Promise<void> {
    return this.audit.record({ action, outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'Referral', entityId: row.id, consultationId: row.consultationId, hisPatientId: row.hisPatientId, detail });
  }
}
