import type { Dose, Frequency } from '@cloudclinic/shared';
import { FrequencySchema } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';

/** A line of one of the patient's active prescriptions from this platform. */
export interface PlatformLine {
  prescriptionNumber: string;
  medicationId: string;
  dose: Dose;
  frequency: Frequency;
}

export type PlatformMedications = (hisPatientId: string, excludePrescriptionId: string | null, now: Date) => Promise<PlatformLine[]>;

const DAY_MS = 86_400_000;

/**
 * The platform's own MedicationRequests count as current medication: lines of the patient's
 * prescriptions that are signed, in review or approved, or dispensed with the course still running.
 */
export function platformMedications(db: Pick<Prisma, 'prescription'>): PlatformMedications {
  return async (hisPatientId, excludePrescriptionId, now) => {
    const rows = await db.prescription.findMany({
      where: {
        hisPatientId,
        status: { in: ['signed', 'under_review', 'approved', 'dispensed'] },
        ...(excludePrescriptionId ? { id: { not: excludePrescriptionId } } : {}),
      },
      include: { items: true },
    });
    const out: PlatformLine[] = [];
    for (const rx of rows) {
      for (const i of rx.items) {
        if (rx.status === 'dispensed' && (rx.dispensedAt?.getTime() ?? 0) + i.days * DAY_MS < now.getTime()) continue;
        out.push({ prescriptionNumber: rx.number, medicationId: i.medicationId, dose: { value: i.doseValue, unit: i.doseUnit }, frequency: FrequencySchema.parse(i.frequency) });
      }
    }
    return out;
  };
}
