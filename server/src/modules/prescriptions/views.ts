import { z } from 'zod';
import {
  DiagnosisSchema,
  FindingSchema,
  OverrideReasonCodeSchema,
  FrequencySchema,
  PatientStatusSchema,
  RouteCodeSchema,
  type Diagnosis,
  type Finding,
  type PatientStatus,
  type PrescriptionView,
} from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import type { OverrideRecord } from './safety';
import { blockingFindings } from './safety';
import type { PrescriptionRow } from './signed-payload';

export const prescriptionInclude = { items: { orderBy: { position: 'asc' } }, versions: { orderBy: { version: 'asc' } } } as const;

const OverridesSchema = z.record(z.string(), z.object({ code: OverrideReasonCodeSchema, reason: z.string(), by: z.string(), at: z.string() }));
const DiagnosesSchema = z.array(DiagnosisSchema);
const AcknowledgedSchema = z.array(z.string());
const FindingsSchema = z.array(FindingSchema);
const AllergiesSchema = z.array(z.string());

/** Stored JSON columns, typed (the server wrote them; parsing keeps a corrupted row from passing silently). */
export const stored = {
  findings: (v: unknown): Finding[] => FindingsSchema.parse(v),
  overrides: (v: unknown): Record<string, OverrideRecord> => OverridesSchema.parse(v),
  patientStatus: (v: unknown): PatientStatus => PatientStatusSchema.parse(v),
  allergies: (v: unknown): string[] => AllergiesSchema.safeParse(v).data ?? [],
  diagnoses: (v: unknown): Diagnosis[] => DiagnosesSchema.parse(v),
  acknowledged: (v: unknown): string[] => AcknowledgedSchema.safeParse(v).data ?? [],
};

interface People {
  users: Map<string, { id: string; displayName: string; qualificationNo: string | null }>;
  institutions: Map<string, string>;
}

/** Names of the people and institutions the views mention, in two queries. */
export async function loadPeople(prisma: Prisma, rows: readonly PrescriptionRow[]): Promise<People> {
  const userIds = new Set<string>();
  for (const r of rows) for (const id of [r.prescriberId, r.reviewedById, r.dispensedById]) if (id) userIds.add(id);
  const [users, institutions] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, displayName: true, qualificationNo: true } }),
    prisma.institution.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.institutionId))] } }, select: { id: true, name: true } }),
  ]);
  return { users: new Map(users.map((u) => [u.id, u])), institutions: new Map(institutions.map((i) => [i.id, i.name])) };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function prescriptionView(r: PrescriptionRow, people: People): PrescriptionView {
  const person = (id: string | null) => {
    const u = id ? people.users.get(id) : undefined;
    return u ? { id: u.id, name: u.displayName } : null;
  };
  const prescriber = people.users.get(r.prescriberId);
  const findings = stored.findings(r.findings);
  const reviewer = person(r.reviewedById);
  return {
    id: r.id,
    number: r.number,
    consultationId: r.consultationId,
    status: r.status,
    revision: r.revision,
    version: r.version,
    diagnosis: r.diagnosis,
    diagnoses: stored.diagnoses(r.diagnoses),
    validityDays: r.validityDays,
    patientStatus: stored.patientStatus(r.patientStatus),
    items: r.items.map((i) => ({
      id: i.id,
      position: i.position,
      medicationId: i.medicationId,
      code: i.medicationCode,
      name: i.name,
      nameEn: i.nameEn,
      strength: i.strength,
      dose: { value: i.doseValue, unit: i.doseUnit },
      frequency: FrequencySchema.parse(i.frequency),
      route: RouteCodeSchema.parse(i.route),
      days: i.days,
      instructions: i.instructions,
      unitsPerDose: i.unitsPerDose,
      doseUnit: i.formUnit,
      quantity: { value: i.quantity, unit: i.quantityUnit },
      dispensed: i.dispensedQuantity !== null && i.lot !== null ? { quantity: i.dispensedQuantity, lot: i.lot } : null,
    })),
    findings,
    checkedAt: iso(r.checkedAt),
    checkError: r.checkError,
    signable: r.status === 'draft' && r.items.length > 0 && r.checkedAt !== null && r.checkError === null && blockingFindings(findings).length === 0,
    prescriber: { id: r.prescriberId, name: prescriber?.displayName ?? '', qualificationNo: prescriber?.qualificationNo ?? null },
    patient: {
      hisPatientId: r.hisPatientId,
      name: r.patientName,
      sex: r.patientSex,
      birthDate: r.patientBirthDate,
      institution: { id: r.institutionId, name: people.institutions.get(r.institutionId) ?? '' },
      allergies: stored.allergies(r.patientAllergies),
    },
    signedAt: iso(r.signedAt),
    validUntil: iso(r.validUntil),
    submittedAt: iso(r.submittedAt),
    review:
      reviewer && r.reviewedAt && (r.rejectionReason !== null || r.status === 'approved' || r.status === 'dispensed' || r.status === 'expired')
        ? { decision: r.rejectionReason !== null ? 'rejected' : 'approved', by: reviewer, at: r.reviewedAt.toISOString(), reason: r.rejectionReason ?? r.reviewNote ?? '', acknowledged: stored.acknowledged(r.reviewAcknowledged) }
        : null,
    dispensedAt: iso(r.dispensedAt),
    dispensedBy: person(r.dispensedById),
    versions: r.versions.map((v) => ({ version: v.version, signedAt: v.signedAt.toISOString(), kid: v.kid, payloadHash: v.payloadHash })),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function prescriptionViews(prisma: Prisma, rows: readonly PrescriptionRow[]): Promise<PrescriptionView[]> {
  const people = await loadPeople(prisma, rows);
  return rows.map((r) => prescriptionView(r, people));
}
