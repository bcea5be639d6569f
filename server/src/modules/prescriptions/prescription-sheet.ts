import { z } from 'zod';
import { ageOn, SignedPrescriptionPayloadSchema, type AccessClaims, type PrescriptionSheet } from '@cloudclinic/shared';
import { invalidState } from '../../lib/errors';
import type { PrescriptionHis } from './his-port';
import { sheetFacts } from './his-sheet-facts';
import type { PrescriptionAccess } from './prescription-access';
import type { PrescriptionRecords } from './prescription-records';
import { verificationCode } from '../signatures/verification-code';

const SexSchema = z.enum(['male', 'female', 'other']);
const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The 处方笺 read model: what 处方管理办法 asks of a printed prescription, from the signed version
 * (what is printed is what was signed), the platform's review and dispensing records, and the county
 * HIS (病历号, 费别, prices). Reading it is audited like any access to the record.
 */
export class PrescriptionSheets {
  constructor(
    private readonly records: PrescriptionRecords,
    private readonly access: PrescriptionAccess,
    private readonly his: PrescriptionHis,
  ) {}

  async sheet(user: AccessClaims, id: string): Promise<PrescriptionSheet> {
    const rx = await this.records.load(id);
    await this.access.assertCanReadSheet(user, rx);
    const v = rx.versions.find((x) => x.version === rx.version);
    if (!v) throw invalidState('A prescription is printed once it is signed');
    const p = SignedPrescriptionPayloadSchema.parse(JSON.parse(v.canonical));
    const facts = await sheetFacts(this.his, rx.hisPatientId, p.items.map((i) => i.medicationId));
    const people = await this.records.prisma.user.findMany({ where: { id: { in: [rx.reviewedById, rx.dispensedById].filter((x) => x !== null) } }, select: { id: true, displayName: true } });
    const person = (userId: string | null, at: Date | null) => {
      const u = people.find((x) => x.id === userId);
      return u && at ? { id: u.id, name: u.displayName, at: at.toISOString() } : null;
    };
    const items = p.items.map((i, index) => {
      const unitPrice = facts.prices.get(i.medicationId) ?? null;
      return { position: index + 1, name: i.name, strength: i.strength, quantity: i.quantity, dose: i.dose, frequency: i.frequency, route: i.route, days: i.days, instructions: i.instructions, unitPrice, amount: unitPrice === null ? null : cents(unitPrice * i.quantity.value) };
    });
    const priced = items.every((i) => i.amount !== null);
    await this.records.record(user, 'prescription.sheet', rx, 'ok', { version: v.version });
    return {
      prescriptionId: rx.id,
      number: p.number,
      version: p.version,
      status: rx.status,
      institution: p.prescriber.institution,
      department: p.prescriber.department,
      pharmacy: p.patient.institution,
      recordNumber: facts.recordNumber,
      feeCategory: facts.feeCategory,
      patient: {
        name: p.patient.name,
        sex: SexSchema.safeParse(p.patient.sex).data ?? 'unknown',
        birthDate: p.patient.birthDate,
        age: ageOn(p.patient.birthDate, new Date(p.issuedAt)),
      },
      diagnoses: p.diagnoses,
      diagnosisNote: p.diagnosis,
      issuedAt: p.issuedAt,
      validUntil: p.validUntil,
      items,
      total: priced ? cents(items.reduce((sum, i) => sum + (i.amount ?? 0), 0)) : null,
      priceSource: facts.priceSource,
      prescriber: { id: p.prescriber.id, name: p.prescriber.name, qualificationNo: p.prescriber.qualificationNo, signedAt: v.signedAt.toISOString() },
      reviewer: rx.status === 'rejected' ? null : person(rx.reviewedById, rx.reviewedAt),
      dispenser: person(rx.dispensedById, rx.dispensedAt),
      dispensedBySameAsReviewer: rx.dispenseSameAsReviewer,
      verificationCode: verificationCode(v.jws),
    };
  }
}
