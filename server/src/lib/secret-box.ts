import crypto from 'node:crypto';

/** AES-256-GCM ciphertext with its IV and tag, base64, as stored (the same layout as the prescribers' signing keys). */
export interface SealedSecret {
  ciphertext: string;
  iv: string;
  authTag: string;
}

/**
 * Encrypts small secrets at rest (AES-256-GCM) under a key derived (HKDF-SHA256) from the server
 * secret and a purpose label; each ciphertext is bound by its additional data (e.g. the owner's id),
 * so a row copied onto another user does not open.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(serverSecret: string, purpose: string) {
    this.key = Buffer.from(crypto.hkdfSync('sha256', serverSecret, Buffer.alloc(0), `cloudclinic|${purpose}`, 32));
  }

  seal(plaintext: string, boundTo: string): SealedSecret {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext: ciphertext.toString('base64'), iv: iv.toString('base64'), authTag: cipher.getAuthTag().toString('base64') };
  }

  /** null when the ciphertext was altered, bound to someone else, or sealed under another server secret. */
  open(sealed: SealedSecret, boundTo: string): string | null {
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
