import crypto from 'node:crypto';
import { FrequencySchema, RouteCodeSchema, type AccessClaims, type OverrideInput, type PrescriptionView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import { strengthText } from './fhir-formulary';
import { publishPrescriptionChanged } from './events';
import type { OverrideRecord } from './safety';
import type { ItemInput, ResolvedItem } from './safety-check';
import type { PrescriptionRow } from './signed-payload';
import { prescriptionInclude, prescriptionViews } from './views';

const NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** RX + Shanghai date + 6 random characters, e.g. RX20261123-7K3F9Q. */
export function newPrescriptionNumber(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const bytes = crypto.randomBytes(6);
  const suffix = [...bytes].map((b) => NUMBER_ALPHABET[b % NUMBER_ALPHABET.length]).join('');
  return `RX${day}-${suffix}`;
}

/** Item rows from resolved lines (positions from 1). */
export function itemRows(items: readonly ResolvedItem[]) {
  return items.map((i, index) => ({
    position: index + 1,
    medicationId: i.drug.id,
    medicationCode: i.drug.code,
    name: i.drug.name,
    nameEn: i.drug.nameEn,
    strength: strengthText(i.drug),
    doseValue: i.input.dose.value,
    doseUnit: i.input.dose.unit,
    frequency: i.input.frequency,
    route: i.input.route,
    days: i.input.days,
    instructions: i.input.instructions,
    unitsPerDose: i.unitsPerDose,
    formUnit: i.drug.doseUnit,
    quantity: i.packages,
    quantityUnit: i.drug.packageUnit,
  }));
}

/** The stored items in the request shape (for a re-check). */
export function itemInputs(rx: PrescriptionRow): ItemInput[] {
  return rx.items.map((i) => ({
    medicationId: i.medicationId,
    dose: { value: i.doseValue, unit: i.doseUnit },
    frequency: FrequencySchema.parse(i.frequency),
    route: RouteCodeSchema.parse(i.route),
    days: i.days,
    instructions: i.instructions,
  }));
}

/** Override reasons as given now; an unchanged reason keeps who gave it and when. */
export function mergeOverrides(
  previous: Readonly<Record<string, OverrideRecord>>,
  given: readonly OverrideInput[],
  userId: string,
  now: Date,
): Record<string, OverrideRecord> {
  const out: Record<string, OverrideRecord> = {};
  for (const o of given) {
    const before = previous[o.findingId];
    out[o.findingId] = before && before.reason === o.reason && before.code === o.code ? before : { code: o.code, reason: o.reason, by: userId, at: now.toISOString() };
  }
  return out;
}

/** Loading, viewing, auditing and announcing prescriptions: what the three services share. */
export class PrescriptionRecords {
  constructor(
    readonly prisma: Prisma,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
  ) {}

  async load(id: string): Promise<PrescriptionRow> {
    const rx = await this.prisma.prescription.findUnique({ where: { id }, include: prescriptionInclude });
    if (!rx) throw notFound('Prescription');
    return rx;
  }

  async view(id: string): Promise<PrescriptionView> {
    const [view] = await prescriptionViews(this.prisma, [await this.load(id)]);
    if (!view) throw notFound('Prescription');
    return view;
  }

  views(rows: readonly PrescriptionRow[]): Promise<PrescriptionView[]> {
    return prescriptionViews(this.prisma, rows);
  }

  async record(user: AccessClaims | null, action: string, rx: PrescriptionRow | { id: string; hisPatientId: string; consultationId: string }, outcome = 'ok', detail?: Record<string, unknown>): Promise<void> {
    await this.audit.record({
      action,
      outcome,
      actorId: user?.sub,
      actorRole: user?.role,
      institutionId: user?.inst,
      entityType: 'Prescription',
      entityId: rx.id,
      hisPatientId: rx.hisPatientId,
      consultationId: rx.consultationId,
      detail,
    });
  }

  changed(rx: { id: string; consultationId: string; institutionId: string }): void {
    void publishPrescriptionChanged(this.prisma, this.events, rx).catch(() => undefined);
  }
}
