import { SignedOpinionPayloadSchema, type AccessClaims, type OpinionVerification } from '@cloudclinic/shared';
import { sha256Hex, canonicalJson } from '../signatures/canonical';
import { sameText } from '../signatures/jws';
import { verifySignatures } from '../signatures/multi-signature';
import type { SigningKeys } from '../signatures/signing-keys';
import { storedIds } from './diagnoses';
import { opinionPayload } from './opinion-document';
import type { OpinionRecords } from './opinion-records';
import type { JointOpinionRow } from './views';

/**
 * Verification of one version of a joint opinion, by anyone (signed in, or the public page): every
 * required expert's JWS against the published keys (JWKS), the stored document against its hash, and
 * the version as recorded against what was signed. Names the signers and their institutions only.
 */
export class OpinionVerifier {
  constructor(
    private readonly records: OpinionRecords,
    private readonly keys: SigningKeys,
  ) {}

  async verify(user: AccessClaims | null, id: string): Promise<OpinionVerification> {
    const op = await this.records.load(id);
    const result = await this.check(op);
    await this.records.record(user, user ? 'opinion.verify' : 'opinion.verify.public', op.consultationId, id, result.valid ? 'valid' : 'invalid');
    return result;
  }

  private async check(op: JointOpinionRow): Promise<OpinionVerification> {
    const canonical = op.canonical ?? '';
    const parsed = SignedOpinionPayloadSchema.safeParse(safeJson(canonical)).data ?? null;
    const integrity = parsed !== null && op.payloadHash === sha256Hex(canonical) && parsed.id === op.id && parsed.version === op.version && sameContent(op, canonical, parsed);
    const checks = new Map((await verifySignatures(canonical, op.signatures, this.keys)).map((c) => [c.signerId, c]));
    const required = storedIds(op.requiredSigners);
    const named = new Map((parsed?.signers ?? []).map((s) => [s.id, s]));
    const signatures = required.map((signerId) => {
      const c = checks.get(signerId);
      return { signerId, name: named.get(signerId)?.name ?? '', institution: named.get(signerId)?.institution ?? '', kid: c?.kid ?? null, signedAt: c?.signedAt ?? null, valid: c?.valid ?? false };
    });
    const complete = required.length > 0 && signatures.every((s) => s.valid) && op.signatures.every((s) => required.includes(s.signerId));
    const finished = op.status === 'final' || (op.status === 'superseded' && op.finalAt !== null);
    return {
      opinionId: op.id,
      version: op.version,
      status: op.status,
      valid: finished && integrity && complete,
      integrity,
      institution: parsed?.patient.institution ?? '',
      payloadHash: op.payloadHash,
      alg: 'ES256',
      signatures,
    };
  }
}

/** The content as recorded now is the content that was signed (a changed field breaks verification). */
function sameContent(op: JointOpinionRow, canonical: string, signed: ReturnType<typeof SignedOpinionPayloadSchema.parse>): boolean {
  try {
    const experts = signed.signers.map((s) => ({ ...s }));
    const again = opinionPayload(op, { hisPatientId: signed.patient.hisPatientId, institution: signed.patient.institution, previousHash: signed.previousHash, experts, createdAt: new Date(signed.createdAt) });
    return sameText(canonicalJson(again), canonical);
  } catch {
    return false;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
