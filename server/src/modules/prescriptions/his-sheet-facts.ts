import { z } from 'zod';
import { HisError } from '../../integrations/his';
import { AppError } from '../../lib/errors';
import { HIS_EXT, resourcesOf, type PrescriptionHis } from './his-port';

const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional() });
const PatientSchema = z.looseObject({
  identifier: z.array(z.looseObject({ value: z.string().optional(), type: z.looseObject({ coding: z.array(Coding).optional() }).optional() })).default([]),
});
const CoverageSchema = z.looseObject({
  status: z.string(),
  type: z.looseObject({ coding: z.array(Coding).optional(), text: z.string().optional() }).optional(),
});
const Extension = z.looseObject({ url: z.string(), valueMoney: z.looseObject({ value: z.number(), currency: z.string().optional() }).optional(), valueString: z.string().optional() });
const MedicationSchema = z.looseObject({ extension: z.array(z.looseObject({ url: z.string(), extension: z.array(Extension).optional() })).default([]) });

export interface SheetFacts {
  recordNumber: string | null;
  feeCategory: { code: string | null; label: string } | null;
  /** CNY per package by medication id (absent: no price), and the stated source of those prices. */
  prices: Map<string, number>;
  priceSource: string | null;
}

/** The medical record number (identifier type MR) of the HIS Patient. */
function recordNumberOf(patient: unknown): string | null {
  const p = PatientSchema.safeParse(patient);
  const mr = p.success ? p.data.identifier.find((i) => i.type?.coding?.some((c) => c.code === 'MR')) : undefined;
  return mr?.value ?? null;
}

/** 费别 of the active Coverage; none registered is null (printed as 未登记), never a guess. */
function feeCategoryOf(coverages: unknown): SheetFacts['feeCategory'] {
  for (const c of resourcesOf(coverages)) {
    const cov = CoverageSchema.safeParse(c);
    if (!cov.success || cov.data.status !== 'active') continue;
    const coding = cov.data.type?.coding?.[0];
    const label = cov.data.type?.text ?? coding?.code;
    if (label) return { code: coding?.code ?? null, label };
  }
  return null;
}

function priceOf(medication: unknown): { price: number; source: string | null } | null {
  const m = MedicationSchema.safeParse(medication);
  const ext = m.success ? m.data.extension.find((e) => e.url === HIS_EXT.packagePrice) : undefined;
  const money = ext?.extension?.find((e) => e.url === 'price')?.valueMoney;
  if (!money || (money.currency !== undefined && money.currency !== 'CNY')) return null;
  return { price: money.value, source: ext?.extension?.find((e) => e.url === 'source')?.valueString ?? null };
}

/** What only the county HIS knows for the 处方笺: 病历号, 费别, prices. An unreachable HIS is a 502. */
export async function sheetFacts(his: PrescriptionHis, hisPatientId: string, medicationIds: readonly string[]): Promise<SheetFacts> {
  try {
    const [patient, coverages, ...medications] = await Promise.all([his.getPatient(hisPatientId), his.searchCoverage(hisPatientId), ...medicationIds.map((id) => his.getMedication(id))]);
    const prices = new Map<string, number>();
    let priceSource: string | null = null;
    medicationIds.forEach((id, i) => {
      const p = priceOf(medications[i]);
      if (!p) return;
      prices.set(id, p.price);
      priceSource ??= p.source;
    });
    return { recordNumber: recordNumberOf(patient), feeCategory: feeCategoryOf(coverages), prices, priceSource };
  } catch (err) {
    if (err instanceof HisError) throw new AppError('upstream_unavailable', 'The county HIS did not answer; the 处方笺 needs its record number, fee category and prices', { reason: err.message });
    throw err;
  }
}
