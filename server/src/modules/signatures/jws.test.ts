import crypto from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';
import { signCanonical, verifyJws } from './jws';
import { PublicJwkSchema, type PublishedKey } from './signing-keys';

async function keyPair() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = PublicJwkSchema.parse(publicKey.export({ format: 'jwk' }));
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  const published: PublishedKey = { ...jwk, kid, alg: 'ES256', use: 'sig' };
  return { unlocked: { kid, privateKey }, published };
}

describe('canonical JSON and the JWS', () => {
  it('is RFC 8785 canonical: sorted keys, no whitespace, numbers in shortest form, UTF-8 kept', () => {
    expect(canonicalJson({ b: 1, a: [2.5, 1e21, 'é'], c: { y: null, x: true } })).toBe('{"a":[2.5,1e+21,"é"],"b":1,"c":{"x":true,"y":null}}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('signs the canonical bytes with ES256 and verifies with the published key; a changed byte fails', async () => {
    const { unlocked, published } = await keyPair();
    const canonical = canonicalJson({ id: 'rx1', items: [{ name: '苯磺酸氨氯地平片', quantity: 1 }] });
    const jws = await signCanonical(canonical, unlocked, 'test+jws');
    const [header] = jws.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({ alg: 'ES256', kid: published.kid });
    expect(await verifyJws(jws, published)).toBe(canonical);
    const tampered = canonical.replace('"quantity":1', '"quantity":9');
    const parts = jws.split('.');
    expect(await verifyJws(`${parts[0]}.${Buffer.from(tampered).toString('base64url')}.${parts[2]}`, published)).toBeNull();
    const other = await keyPair();
    expect(await verifyJws(jws, { ...other.published, kid: published.kid })).toBeNull();
  });
});
