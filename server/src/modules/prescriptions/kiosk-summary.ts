import { DRUG_ROUTES, FREQUENCIES, FrequencySchema, RouteCodeSchema } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';

/**
 * The prescriptions of a visit as the patient's kiosk shows them at the end (drafts excluded):
 * `苯磺酸氨氯地平片 5 mg ×1盒：每日一次，每次5 mg，口服`.
 */
export async function prescriptionSummaries(prisma: Prisma, consultationId: string): Promise<{ id: string; status: string; items: string[] }[]> {
  const rows = await prisma.prescription.findMany({
    where: { consultationId, status: { not: 'draft' } },
    include: { items: { orderBy: { position: 'asc' } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    items: r.items.map((i) => {
      const frequency = FrequencySchema.safeParse(i.frequency).data;
      const route = RouteCodeSchema.safeParse(i.route).data;
      const how = [frequency ? FREQUENCIES[frequency].zh : i.frequency, `每次${i.doseValue} ${i.doseUnit}`, route ? DRUG_ROUTES[route].zh : i.route].join('，');
      return `${i.name} ${i.strength} ×${i.quantity}${i.quantityUnit}：${how}`;
    }),
  }));
}
