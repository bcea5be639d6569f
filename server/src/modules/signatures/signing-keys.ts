import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint } from 'jose';
import { z } from 'zod';
import type { Prisma } from '../../db/database';

const scrypt = promisify(crypto.scrypt) as (pw: crypto.BinaryLike, salt: crypto.BinaryLike, keylen: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/** scrypt parameters for the key-encryption key (RFC 7914; same cost as the password hashes). */
const KDF = { N: 1 << 15, r: 8, p: 1 };
const MAXMEM = 64 * 1024 * 1024;

export const PublicJwkSchema = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() });
const KdfSchema = z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int() });

export interface PublishedKey {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

export interface UnlockedKey {
  kid: string;
  privateKey: crypto.KeyObject;
}

/** Additional authenticated data: the ciphertext is bound to its key id and owner. */
const aad = (kid: string, userId: string) => Buffer.from(`cloudclinic-signing-key|${kid}|${userId}`, 'utf8');

async function kek(password: string, salt: Buffer, kdf: z.infer<typeof KdfSchema>): Promise<Buffer> {
  return scrypt(password.normalize('NFC'), salt, 32, { ...kdf, maxmem: MAXMEM });
}

/**
 * Signers’ ES256 key pairs (prescribers, pharmacists, MDT experts). The private key is stored only as AES-256-GCM ciphertext under a key
 * derived with scrypt from the signer's password; it exists in memory only for one act of signing.
 * Public keys are published (JWKS) for as long as signatures made with them must verify.
 */
export class SigningKeys {
  constructor(private readonly prisma: Prisma) {}

  /**
   * The signer's private key, decrypted with their password (the caller has verified the password
   * against the account). Created on first use; if the key was locked under an earlier password it
   * is retired (its public key stays published) and a new pair is made.
   */
  async unlock(userId: string, password: string): Promise<UnlockedKey> {
    const current = await this.prisma.signingKey.findFirst({ where: { userId, retiredAt: null }, orderBy: { createdAt: 'desc' } });
    if (current) {
      const key = await this.decrypt(current, password);
      if (key) return { kid: current.kid, privateKey: key };
      await this.prisma.signingKey.update({ where: { kid: current.kid }, data: { retiredAt: new Date() } });
    }
    return this.create(userId, password);
  }

  async publicKey(kid: string): Promise<{ userId: string; jwk: PublishedKey } | null> {
    const row = await this.prisma.signingKey.findUnique({ where: { kid } });
    if (!row) return null;
    return { userId: row.userId, jwk: publish(row.kid, row.publicJwk) };
  }

  /** Every key that ever signed (retired ones included: their signatures must still verify). */
  async jwks(): Promise<{ keys: PublishedKey[] }> {
    const rows = await this.prisma.signingKey.findMany({ orderBy: { createdAt: 'asc' } });
    return { keys: rows.map((r) => publish(r.kid, r.publicJwk)) };
  }

  private async create(userId: string, password: string): Promise<UnlockedKey> {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = PublicJwkSchema.parse(publicKey.export({ format: 'jwk' }));
    const kid = await calculateJwkThumbprint(jwk, 'sha256');
    const salt = crypto.randomBytes(16);
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', await kek(password, salt, KDF), iv);
    cipher.setAAD(aad(kid, userId));
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const ciphertext = Buffer.concat([cipher.update(der), cipher.final()]);
    der.fill(0);
    await this.prisma.signingKey.create({
      data: {
        kid,
        userId,
        publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
        ciphertext: ciphertext.toString('base64'),
        iv: iv.toString('base64'),
        authTag: cipher.getAuthTag().toString('base64'),
        salt: salt.toString('base64'),
        kdf: KDF,
      },
    });
    return { kid, privateKey };
  }

  /** null when the password does not open this key (GCM authentication fails). */
  private async decrypt(
    row: { kid: string; userId: string; ciphertext: string; iv: string; authTag: string; salt: string; kdf: unknown },
    password: string,
  ): Promise<crypto.KeyObject | null> {
    const kdf = KdfSchema.parse(row.kdf);
    const decipher = crypto.createDecipheriv('aes-256-gcm', await kek(password, Buffer.from(row.salt, 'base64'), kdf), Buffer.from(row.iv, 'base64'));
    decipher.setAAD(aad(row.kid, row.userId));
    decipher.setAuthTag(Buffer.from(row.authTag, 'base64'));
    let der: Buffer;
    try {
      der = Buffer.concat([decipher.update(Buffer.from(row.ciphertext, 'base64')), decipher.final()]);
    } catch {
      return null;
    }
    const key = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    der.fill(0);
    return key;
  }
}

function publish(kid: string, stored: unknown): PublishedKey {
  const jwk = PublicJwkSchema.parse(stored);
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid, alg: 'ES256', use: 'sig' };
}
