import { addClinicDays, clinicDate, clinicDayRange } from '@cloudclinic/shared';
import type { Prisma } from '../database';
import { REFERRAL_SLOTS } from './demo-data';

/** 号源 for the next two weeks of the demo hospital's department (created once per slot; bookings kept). */
export async function seedReferralSlots(prisma: Prisma, departmentId: string, today: Date): Promise<number> {
  const data = [];
  for (let d = 1; d <= 14; d++) {
    const midnight = clinicDayRange(addClinicDays(clinicDate(today), d)).from.getTime();
    for (const s of REFERRAL_SLOTS) {
      data.push({ departmentId, kind: s.kind, examType: s.examType, startsAt: new Date(midnight + s.hour * 3_600_000), place: s.place, capacity: s.capacity });
    }
  }
  const { count } = await prisma.referralSlot.createMany({ data, skipDuplicates: true });
  return count;
}
