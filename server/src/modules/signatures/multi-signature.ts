import { kidOf, sameText, verifyJws } from './jws';
import type { SigningKeys } from './signing-keys';

/** One signer's compact JWS over a document's canonical bytes, as stored. */
export interface StoredSignature {
  signerId: string;
  kid: string;
  jws: string;
  signedAt: Date;
}

export interface SignatureCheck {
  signerId: string;
  kid: string;
  signedAt: string;
  valid: boolean;
}

/**
 * Several signers over the same canonical document (one compact JWS each, over the same bytes).
 * A signature is valid when its `kid` is the one recorded, the published key of that `kid` belongs
 * to the recorded signer, and the JWS verifies to exactly the canonical text.
 */
export async function verifySignatures(canonical: string, signatures: readonly StoredSignature[], keys: Pick<SigningKeys, 'publicKey'>): Promise<SignatureCheck[]> {
  return Promise.all(
    signatures.map(async (s) => {
      const kid = kidOf(s.jws);
      const key = kid === s.kid ? await keys.publicKey(kid) : null;
      const payload = key && key.userId === s.signerId ? await verifyJws(s.jws, key.jwk) : null;
      return { signerId: s.signerId, kid: s.kid, signedAt: s.signedAt.toISOString(), valid: payload !== null && sameText(payload, canonical) };
    }),
  );
}
