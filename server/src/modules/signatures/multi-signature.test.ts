import crypto from 'node:crypto';
import { calculateJwkThumbprint, flattenedVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';
import { toGeneralJws } from './general-jws';
import { signCanonical } from './jws';
import { verifySignatures } from './multi-signature';
import { PublicJwkSchema, type PublishedKey } from './signing-keys';

async function signer(userId: string) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = PublicJwkSchema.parse(publicKey.export({ format: 'jwk' }));
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  const published: PublishedKey = { ...jwk, kid, alg: 'ES256', use: 'sig' };
  return { userId, unlocked: { kid, privateKey }, published };
}

describe('several signatures over one canonical document', () => {
  it('each verifies against its signer’s published key; a changed document, a borrowed key or another signer fails', async () => {
    const [a, b] = [await signer('u-a'), await signer('u-b')];
    const keys = { publicKey: (kid: string) => Promise.resolve([a, b].map((s) => ({ userId: s.userId, jwk: s.published })).find((k) => k.jwk.kid === kid) ?? null) };
    const canonical = canonicalJson({ id: 'op1', findings: '结节', signers: ['u-a', 'u-b'] });
    const signed = await Promise.all(
      [a, b].map(async (s) => ({ signerId: s.userId, kid: s.unlocked.kid, jws: await signCanonical(canonical, s.unlocked, 'test+jws'), signedAt: new Date() })),
    );
    expect((await verifySignatures(canonical, signed, keys)).map((c) => c.valid)).toEqual([true, true]);
    expect((await verifySignatures(canonical.replace('结节', '肿块'), signed, keys)).map((c) => c.valid)).toEqual([false, false]);
    const swapped = signed.map((s, i) => ({ ...s, signerId: i === 0 ? 'u-b' : 'u-a' }));
    expect((await verifySignatures(canonical, swapped, keys)).map((c) => c.valid)).toEqual([false, false]);
    const [first, second] = signed;
    if (!first || !second) throw new Error('two signatures expected');
    expect((await verifySignatures(canonical, [{ ...first, kid: second.kid }], keys))[0]?.valid).toBe(false);
  });

  it('the JSON general serialization carries the payload once and every signature verifies from it', async () => {
    const [a, b] = [await signer('u-a'), await signer('u-b')];
    const canonical = canonicalJson({ id: 'op2' });
    const compact = [await signCanonical(canonical, a.unlocked, 'test+jws'), await signCanonical(canonical, b.unlocked, 'test+jws')];
    const general = toGeneralJws(canonical, compact);
    expect(general.signatures).toHaveLength(2);
    for (const [i, s] of [a, b].entries()) {
      const sig = general.signatures[i];
      if (!sig) throw new Error('missing signature');
      const out = await flattenedVerify({ payload: general.payload, protected: sig.protected, signature: sig.signature }, await importJWK({ ...s.published }, 'ES256'));
      expect(new TextDecoder().decode(out.payload)).toBe(canonical);
    }
    const other = await signCanonical(canonicalJson({ id: 'op3' }), a.unlocked, 'test+jws');
    expect(() => toGeneralJws(canonical, [other])).toThrow();
  });
});
