import crypto from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The short code printed beside the QR: derived from the signed JWS (which only the signers, the
 * receiving side and the paper carry), 8 base32 characters (40 bits). `domain` keeps the codes of
 * different documents apart; prescriptions use the default.
 */
export function verificationCode(jws: string, domain = 'rx-verify'): string {
  const digest = crypto.createHash('sha256').update(`cloudclinic.${domain}:${jws}`).digest();
  let out = '';
  for (let i = 0; i < 8; i++) out += BASE32[(digest[i] ?? 0) % 32];
  return out;
}
