import type { KioskReferral } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';

/**
 * The booked 上转 for the kiosk summary: the visit's own (the latest booked), otherwise the patient's
 * latest booked one still ahead from another consultation of the same county hospital (a
 * 远程会诊 or MDT has no kiosk visit of its own, so its booking shows at the patient's next visit); or null.
 */
export async function bookedReferralFor(prisma: Prisma, visit: { consultationId: string; hisPatientId: string; institutionId: string }): Promise<KioskReferral | null> {
  const own = await prisma.referral.findFirst({ where: { consultationId: visit.consultationId, status: 'booked' }, orderBy: { decidedAt: 'desc' } });
  const r =
    own ??
    (await prisma.referral.findFirst({
      where: { hisPatientId: visit.hisPatientId, institutionId: visit.institutionId, status: 'booked', slotAt: { gte: new Date() } },
      orderBy: { decidedAt: 'desc' },
    }));
  if (!r?.slotAt || !r.place) return null;
  const dept = await prisma.department.findUnique({ where: { id: r.departmentId }, include: { institution: true } });
  return {
    kind: r.kind,
    examType: r.examType,
    departmentName: dept?.name ?? '',
    departmentNameEn: dept?.nameEn ?? '',
    institutionName: dept?.institution.name ?? '',
    slotAt: r.slotAt.toISOString(),
    place: r.place,
    preparation: r.preparation ?? '',
  };
}
