import { plainInstruction, type KioskPrescriptionSummary } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { verificationCode } from '../signatures/verification-code';

/**
 * The prescriptions of a visit as the patient's kiosk shows and prints them at the end (drafts
 * excluded): each drug with its instruction in plain words (`口服，每日一次，每次 5 mg，共 7 天`),
 * and the short code printed beside the QR to the public verification page.
 */
export async function prescriptionSummaries(prisma: Prisma, consultationId: string): Promise<KioskPrescriptionSummary[]> {
  const rows = await prisma.prescription.findMany({
    where: { consultationId, status: { not: 'draft' } },
    include: { items: { orderBy: { position: 'asc' } }, versions: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => {
    const drugs = r.items.map((i) => ({
      name: i.name,
      strength: i.strength,
      quantity: `${i.quantity}${i.quantityUnit}`,
      instruction: plainInstruction({ frequency: i.frequency, route: i.route, doseValue: i.doseValue, doseUnit: i.doseUnit, days: i.days }),
    }));
    const signed = r.versions.find((v) => v.version === r.version);
    return {
      id: r.id,
      status: r.status,
      items: drugs.map((d) => `${d.name} ${d.strength} ×${d.quantity}：${d.instruction.zh}`),
      drugs,
      verifyCode: signed ? verificationCode(signed.jws) : null,
    };
  });
}
