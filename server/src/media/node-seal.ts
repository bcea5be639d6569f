import crypto from 'node:crypto';
import { z } from 'zod';

/** How old a node message may be when it arrives (clocks of the nodes differ by less). */
const MAX_AGE_MS = 30_000;

const SealedSchema = z.object({ at: z.number().int(), body: z.string().max(256 * 1024), sig: z.string().max(128) });

/** The key node messages are signed with: derived from the cluster's shared JWT_SECRET, used for nothing else. */
export function nodeKey(secret: string): Buffer {
  return crypto.createHmac('sha256', secret).update('cloudclinic node channel v1').digest();
}

const mac = (key: Buffer, at: number, body: string) => crypto.createHmac('sha256', key).update(`${at}.${body}`).digest('base64url');

/** A message as it goes on the wire: its JSON, the time, an HMAC over both. */
export function seal(key: Buffer, message: unknown, now = Date.now()): string {
  const body = JSON.stringify(message);
  return JSON.stringify({ at: now, body, sig: mac(key, now, body) });
}

/**
 * The message inside `raw` if it was signed with `key` within the last 30 s, else null: whoever can
 * publish on Redis but does not hold the cluster's secret cannot make a node open a link or pipe
 * a room's media anywhere.
 */
export function unseal(key: Buffer, raw: string, now = Date.now()): unknown {
  let outer: unknown;
  try {
    outer = JSON.parse(raw);
  } catch {
    return null;
  }
  const sealed = SealedSchema.safeParse(outer);
  if (!sealed.success || Math.abs(now - sealed.data.at) > MAX_AGE_MS) return null;
  const expected = Buffer.from(mac(key, sealed.data.at, sealed.data.body));
  const got = Buffer.from(sealed.data.sig);
  if (got.length !== expected.length || !crypto.timingSafeEqual(got, expected)) return null;
  try {
    return JSON.parse(sealed.data.body) as unknown;
  } catch {
    return null;
  }
}
