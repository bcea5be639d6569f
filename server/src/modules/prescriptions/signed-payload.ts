import { FrequencySchema, RouteCodeSchema, type Finding, type SignedPrescriptionPayload } from '@cloudclinic/shared';
import type { Prisma as Db } from '../../generated/prisma/client';
import { stored } from './views';

export type PrescriptionRow = Db.PrescriptionGetPayload<{ include: { items: true; versions: true } }>;
type ItemRow = PrescriptionRow['items'][number];

export interface SignatureMeta {
  version: number;
  previousHash: string | null;
  issuedAt: Date;
  validUntil: Date;
  institutionName: string;
  prescriber: SignedPrescriptionPayload['prescriber'];
  findings: readonly Finding[];
}

function itemOf(i: ItemRow): SignedPrescriptionPayload['items'][number] {
  return {
    medicationId: i.medicationId,
    code: i.medicationCode,
    name: i.name,
    strength: i.strength,
    dose: { value: i.doseValue, unit: i.doseUnit },
    frequency: FrequencySchema.parse(i.frequency),
    route: RouteCodeSchema.parse(i.route),
    days: i.days,
    quantity: { value: i.quantity, unit: i.quantityUnit },
    instructions: i.instructions,
  };
}

/** The document that is signed: what was prescribed, for whom, by whom, with the safety findings and overrides. */
export function buildPayload(rx: PrescriptionRow, meta: SignatureMeta): SignedPrescriptionPayload {
  return {
    type: 'cloudclinic.prescription',
    id: rx.id,
    number: rx.number,
    version: meta.version,
    previousHash: meta.previousHash,
    issuedAt: meta.issuedAt.toISOString(),
    validUntil: meta.validUntil.toISOString(),
    consultationId: rx.consultationId,
    diagnosis: rx.diagnosis,
    diagnoses: stored.diagnoses(rx.diagnoses).map((d) => ({ code: d.code, zh: d.zh })),
    patient: { hisPatientId: rx.hisPatientId, name: rx.patientName, sex: rx.patientSex, birthDate: rx.patientBirthDate, institution: meta.institutionName },
    prescriber: meta.prescriber,
    items: [...rx.items].sort((a, b) => a.position - b.position).map(itemOf),
    findings: meta.findings.map((f) => ({ id: f.id, severity: f.severity, message: f.message, overrideCode: f.override?.code ?? null, overrideReason: f.override?.reason ?? null })),
  };
}

/**
 * The clinical content a signature vouches for, as recorded now: compared with the signed payload, any
 * change after signing (an item, a quantity, the patient, the validity) breaks verification.
 */
export function recordedContent(rx: PrescriptionRow) {
  return {
    id: rx.id,
    number: rx.number,
    consultationId: rx.consultationId,
    diagnosis: rx.diagnosis,
    diagnoses: stored.diagnoses(rx.diagnoses).map((d) => ({ code: d.code, zh: d.zh })),
    validUntil: rx.validUntil?.toISOString() ?? null,
    patient: { hisPatientId: rx.hisPatientId, name: rx.patientName, sex: rx.patientSex, birthDate: rx.patientBirthDate },
    items: [...rx.items].sort((a, b) => a.position - b.position).map(itemOf),
  };
}

/** The same selection taken from a signed payload. */
export function signedContent(p: SignedPrescriptionPayload): ReturnType<typeof recordedContent> {
  const { institution: _institution, ...patient } = p.patient;
  return { id: p.id, number: p.number, consultationId: p.consultationId, diagnosis: p.diagnosis, diagnoses: p.diagnoses, validUntil: p.validUntil, patient, items: p.items };
}
