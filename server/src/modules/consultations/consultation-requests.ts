import {
  FileConsultationRequestBodySchema,
  type AccessClaims,
  type Attachables,
  type ConsultationRequestView,
  type FileConsultationRequestBody,
  type RequestListQuery,
  type RequestOptions,
} from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { badRequest, forbidden, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import type { PatientIdentity } from '../records/patient-identity';
import { ConsultationPolicy } from './consultation-policy';
import type { RequestAttachments } from './request-attachments';
import { REQUEST_CHANGED } from './request-events';
import { RequestPolicy, type RequestActor } from './request-policy';
import { requestFacts, requestInclude, requestViews, type RequestRow } from './request-views';

/**
 * 远程会诊申请: a county doctor files a case for a patient of their own institution (checked against
 * the HIS), with the question, urgency, the department or experts asked, preferred times and the
 * patient's studies and reports; the provincial inbox lists them. The answers are in `RequestScheduling`.
 */
export class ConsultationRequests {
  constructor(
    private readonly prisma: Prisma,
    private readonly identity: PatientIdentity,
    private readonly attachments: RequestAttachments,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
  ) {}

  async actor(user: AccessClaims): Promise<RequestActor> {
    const u = await this.prisma.user.findUnique({ where: { id: user.sub }, select: { id: true, role: true, institutionId: true, departmentId: true, disabled: true } });
    if (!u || u.disabled) throw forbidden();
    return u;
  }

  /** The provincial departments and experts a county doctor may ask. */
  async options(user: AccessClaims): Promise<RequestOptions> {
    RequestPolicy.assertMayUse(await this.actor(user));
    const provincial = { institution: { kind: 'provincial_hospital' as const } };
    const [departments, experts] = await Promise.all([
      this.prisma.department.findMany({ where: provincial, include: { institution: true }, orderBy: { code: 'asc' } }),
      this.prisma.user.findMany({ where: { role: 'expert', disabled: false, ...provincial }, include: { institution: true }, orderBy: { username: 'asc' } }),
    ]);
    return {
      departments: departments.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn, institutionName: d.institution.name })),
      experts: experts.map((e) => ({ id: e.id, displayName: e.displayName, departmentId: e.departmentId, institutionName: e.institution.name })),
    };
  }

  /** The studies and reports the county doctor may attach for a patient of their institution. */
  async attachables(user: AccessClaims, hisPatientId: string): Promise<Attachables> {
    await this.assertCountyPatient(user, hisPatientId);
    const list = await this.attachments.list(hisPatientId);
    await this.audit.record({ action: 'consultation_request.attachables', outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, hisPatientId });
    return list;
  }

  async file(user: AccessClaims, input: FileConsultationRequestBody): Promise<ConsultationRequestView> {
    const body = FileConsultationRequestBodySchema.parse(input);
    const actor = await this.assertCountyPatient(user, body.hisPatientId);
    await this.assertAsked(body.departmentId, body.expertIds);
    await this.attachments.verify(body.hisPatientId, body.studyUids, body.reportIds);
    const row = await this.prisma.consultationRequest.create({
      data: {
        hisPatientId: body.hisPatientId,
        institutionId: actor.institutionId,
        requestedById: actor.id,
        summary: body.summary,
        question: body.question,
        urgency: body.urgency,
        departmentId: body.departmentId ?? null,
        wantedExpertIds: body.expertIds,
        preferredTimes: body.preferredTimes,
        studyUids: body.studyUids,
        reportIds: body.reportIds,
      },
      include: requestInclude,
    });
    await this.audit.record({ action: 'consultation_request.create', outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'ConsultationRequest', entityId: row.id, hisPatientId: row.hisPatientId, detail: { urgency: row.urgency, studies: row.studyUids.length, reports: row.reportIds.length } });
    this.events.publish(REQUEST_CHANGED, { requestId: row.id, institutionId: row.institutionId });
    const [view] = await requestViews(this.prisma, actor, [row]);
    if (!view) throw notFound('Consultation request');
    return view;
  }

  /** The requests this user sees, newest first, urgent open ones on top. */
  async list(user: AccessClaims, query: RequestListQuery = {}): Promise<ConsultationRequestView[]> {
    const actor = await this.actor(user);
    const rows = await this.prisma.consultationRequest.findMany({
      where: { AND: [RequestPolicy.visible(actor), query.status ? { status: query.status } : {}, query.urgency ? { urgency: query.urgency } : {}] },
      include: requestInclude,
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    return requestViews(this.prisma, actor, rows);
  }

  async get(user: AccessClaims, id: string): Promise<ConsultationRequestView> {
    const actor = await this.actor(user);
    const row = await this.load(id);
    if (!RequestPolicy.sees(actor, requestFacts(row))) throw forbidden('This request is not yours to see');
    const [view] = await requestViews(this.prisma, actor, [row]);
    if (!view) throw notFound('Consultation request');
    return view;
  }

  async load(id: string): Promise<RequestRow> {
    const row = await this.prisma.consultationRequest.findUnique({ where: { id }, include: requestInclude });
    if (!row) throw notFound('Consultation request');
    return row;
  }

  private async assertCountyPatient(user: AccessClaims, hisPatientId: string): Promise<RequestActor> {
    const actor = await this.actor(user);
    if (actor.role !== 'county_doctor') throw forbidden('Consultation requests come from a county doctor of the patient’s institution');
    const inst = await this.prisma.institution.findUniqueOrThrow({ where: { id: actor.institutionId } });
    ConsultationPolicy.assertManagedBy(await this.identity.byId(hisPatientId), inst);
    return actor;
  }

  private async assertAsked(departmentId: string | undefined, expertIds: readonly string[]): Promise<void> {
    if (departmentId) {
      const d = await this.prisma.department.findUnique({ where: { id: departmentId }, include: { institution: true } });
      if (!d || d.institution.kind !== 'provincial_hospital') throw badRequest('departmentId is not a provincial department');
    }
    const experts = await this.prisma.user.count({ where: { id: { in: [...expertIds] }, role: 'expert', disabled: false } });
    if (experts !== expertIds.length) throw badRequest('expertIds must name active experts');
  }
}
