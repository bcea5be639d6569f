import crypto from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { PublishedKey, UnlockedKey } from './signing-keys';

/**
 * Compact JWS (ES256) over the canonical JSON bytes, with the signer's key id and the document's
 * type (`typ`, e.g. `cloudclinic-prescription+jws`) in the protected header.
 */
export async function signCanonical(canonical: string, key: UnlockedKey, typ: string): Promise<string> {
  return new CompactSign(new TextEncoder().encode(canonical))
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ, cty: 'application/json' })
    .sign(key.privateKey);
}

export function kidOf(jws: string): string | null {
  try {
    const kid = decodeProtectedHeader(jws).kid;
    return typeof kid === 'string' ? kid : null;
  } catch {
    return null;
  }
}

/** The verified payload text, or null when the signature does not verify with this public key. */
export async function verifyJws(jws: string, jwk: PublishedKey): Promise<string | null> {
  try {
    const key = await importJWK({ ...jwk }, 'ES256');
    const { payload, protectedHeader } = await compactVerify(jws, key, { algorithms: ['ES256'] });
    if (protectedHeader.kid !== jwk.kid) return null;
    return new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    return null;
  }
}

/** Constant-time string comparison (for payload equality). */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
