import type { AccessClaims, ConsultationView, FieldDirectory, StartFieldConsultationRequest } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, badRequest, forbidden } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { consultationInclude, consultationView } from '../consultations/views';
import type { EventBus } from '../events/event-bus';
import { ConsultationPolicy } from '../consultations/consultation-policy';
import type { PatientIdentity } from '../records/patient-identity';

const PATIENT_INSTITUTION_KINDS = ['county_hospital', 'township_health_centre'] as const;

/**
 * 上车即入院: a field doctor (ambulance crew, clinic ship) opens a `field` consultation for a patient
 * and invites the receiving hospital's expert, who then sees the patient and the vitals on the way.
 * The expert finds it in the list of live field consultations they take part in.
 */
export class FieldConsultations {
  constructor(
    private readonly prisma: Prisma,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
    private readonly identity: PatientIdentity,
  ) {}

  async start(user: AccessClaims, req: StartFieldConsultationRequest): Promise<ConsultationView> {
    if (user.role !== 'field_doctor') throw forbidden('Only field doctors start field consultations');
    const [institution, expert] = await Promise.all([
      this.prisma.institution.findUnique({ where: { id: req.institutionId } }),
      this.prisma.user.findUnique({ where: { id: req.expertUserId } }),
    ]);
    if (!institution || !(PATIENT_INSTITUTION_KINDS as readonly string[]).includes(institution.kind)) throw badRequest('Unknown patient institution');
    if (!expert || expert.disabled || expert.role !== 'expert') throw badRequest('The invited user is not an expert');
    // The patient must exist in the HIS and be filed at their own hospital (a 岱山 patient never under 嵊泗).
    try {
      ConsultationPolicy.assertManagedBy(await this.identity.byId(req.hisPatientId), institution);
    } catch (err) {
      await this.audit.record({ action: 'field.consultation.start', outcome: err instanceof AppError ? err.code : 'error', actorId: user.sub, actorRole: user.role, institutionId: user.inst, hisPatientId: req.hisPatientId });
      throw err;
    }
    const c = await this.prisma.consultation.create({
      data: {
        kind: 'field',
        status: 'active',
        institutionId: institution.id,
        hisPatientId: req.hisPatientId,
        startedAt: new Date(),
        participants: {
          create: [
            { userId: user.sub, role: 'field_doctor' },
            { userId: expert.id, role: 'expert' },
          ],
        },
        note: { create: {} },
      },
      include: consultationInclude,
    });
    await this.audit.record({
      action: 'field.consultation.start',
      outcome: 'ok',
      actorId: user.sub,
      actorRole: user.role,
      institutionId: user.inst,
      consultationId: c.id,
      hisPatientId: c.hisPatientId,
      detail: { expertId: expert.id },
    });
    this.events.publish('consultation.changed', { consultationId: c.id });
    return consultationView(c, 'field_doctor');
  }

  /** Live field consultations this user takes part in (the expert's "incoming from the field"). */
  async listMine(user: AccessClaims): Promise<ConsultationView[]> {
    const rows = await this.prisma.consultation.findMany({
      where: { kind: 'field', status: { not: 'ended' }, participants: { some: { userId: user.sub } } },
      include: consultationInclude,
      orderBy: { createdAt: 'desc' },
      take: 20,
    });
    return rows.map((c) => consultationView(c, c.participants.find((p) => p.userId === user.sub)?.role ?? 'observer'));
  }

  /** Who a field doctor can call and for which institutions: names and institutions only. */
  async directory(): Promise<FieldDirectory> {
    const [experts, institutions] = await Promise.all([
      this.prisma.user.findMany({ where: { role: 'expert', disabled: false }, include: { institution: true, department: true }, orderBy: { username: 'asc' } }),
      this.prisma.institution.findMany({ where: { kind: { in: [...PATIENT_INSTITUTION_KINDS] } }, orderBy: { code: 'asc' } }),
    ]);
    return {
      experts: experts.map((e) => ({ id: e.id, displayName: e.displayName, institutionName: e.institution.name, departmentName: e.department?.name ?? null })),
      institutions: institutions.map((i) => ({ id: i.id, name: i.name, kind: i.kind })),
    };
  }
}
