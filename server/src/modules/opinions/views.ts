import type { JointOpinionView } from '@cloudclinic/shared';
import type { Prisma as Db } from '../../generated/prisma/client';
import { storedDiagnoses, storedDissent, storedIds } from './diagnoses';
import type { OpinionExpert } from './opinion-access';

export type JointOpinionRow = Db.JointOpinionGetPayload<{ include: { signatures: true } }>;

/** Names of the people an opinion mentions (experts, the acknowledging county doctor). */
export type People = Map<string, { name: string; institution: string }>;

export function peopleOf(experts: readonly OpinionExpert[]): People {
  return new Map(experts.map((e) => [e.id, { name: e.name, institution: e.institution }]));
}

export function jointView(row: JointOpinionRow, people: People): JointOpinionView {
  const signedAt = new Map(row.signatures.map((s) => [s.signerId, s.signedAt.toISOString()]));
  return {
    id: row.id,
    consultationId: row.consultationId,
    version: row.version,
    status: row.status,
    chairId: row.chairId,
    findings: row.findings,
    diagnoses: storedDiagnoses(row.diagnoses),
    treatment: row.treatment,
    dissent: storedDissent(row.dissent).map((d) => ({ ...d, name: people.get(d.expertId)?.name ?? '' })),
    revision: row.revision,
    signers: storedIds(row.requiredSigners).map((id) => ({ id, name: people.get(id)?.name ?? '', institution: people.get(id)?.institution ?? '', signedAt: signedAt.get(id) ?? null })),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    finalAt: row.finalAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: row.acknowledgedById ? (people.get(row.acknowledgedById)?.name ?? null) : null,
  };
}
