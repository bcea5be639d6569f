import type { KioskReferral } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';

/** The visit's booked 上转 for the kiosk summary (the latest booked one), or null. */
export async function bookedReferralFor(prisma: Prisma, consultationId: string): Promise<KioskReferral | null> {
  const r = await prisma.referral.findFirst({ where: { consultationId, status: 'booked' }, orderBy: { decidedAt: 'desc' } });
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
