import type { SignedOpinionPayload } from '@cloudclinic/shared';
import { canonicalJson, sha256Hex } from '../signatures/canonical';
import { storedDiagnoses, storedDissent } from './diagnoses';
import type { OpinionExpert } from './opinion-access';
import type { JointOpinionRow } from './views';

/** JOSE `typ` of an expert's signature over the joint opinion. */
export const OPINION_JWS_TYPE = 'cloudclinic-mdt-opinion+jws';

export interface DocumentContext {
  hisPatientId: string;
  institution: string;
  previousHash: string | null;
  experts: readonly OpinionExpert[];
  createdAt: Date;
}

/** The document every required expert signs: this version's content, the patient, and who must sign. */
export function opinionPayload(row: Pick<JointOpinionRow, 'id' | 'consultationId' | 'version' | 'chairId' | 'findings' | 'diagnoses' | 'treatment' | 'dissent'>, ctx: DocumentContext): SignedOpinionPayload {
  const names = new Map(ctx.experts.map((e) => [e.id, e.name]));
  return {
    type: 'cloudclinic.mdt-opinion',
    id: row.id,
    consultationId: row.consultationId,
    version: row.version,
    previousHash: ctx.previousHash,
    createdAt: ctx.createdAt.toISOString(),
    patient: { hisPatientId: ctx.hisPatientId, institution: ctx.institution },
    chair: { id: row.chairId, name: names.get(row.chairId) ?? '' },
    findings: row.findings,
    diagnoses: storedDiagnoses(row.diagnoses).map((d) => ({ code: d.code, zh: d.zh })),
    treatment: row.treatment,
    dissent: storedDissent(row.dissent).map((d) => ({ expertId: d.expertId, name: names.get(d.expertId) ?? '', text: d.text })),
    signers: ctx.experts.map((e) => ({ id: e.id, name: e.name, qualificationNo: e.qualificationNo, institution: e.institution })),
  };
}

export function frozenDocument(payload: SignedOpinionPayload): { canonical: string; payloadHash: string } {
  const canonical = canonicalJson(payload);
  return { canonical, payloadHash: sha256Hex(canonical) };
}
