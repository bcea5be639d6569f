import crypto from 'node:crypto';
import type { IceServer } from '@cloudclinic/shared';

export interface TurnSettings {
  urls: string[];
  secret: string;
  ttlSeconds: number;
  /** Browsers send media only through the relay (networks where UDP to the SFU is blocked). */
  relayOnly?: boolean;
}

/**
 * ICE servers handed to a client. TURN credentials are time-limited and derived from a secret
 * shared with the TURN server (coturn's `use-auth-secret`): username `<expiry>:<userId>`,
 * credential base64(HMAC-SHA1(secret, username)).
 */
export function iceServersFor(userId: string, turn: TurnSettings | null, now = Date.now()): IceServer[] {
  if (!turn || turn.urls.length === 0) return [];
  const username = `${Math.floor(now / 1000) + turn.ttlSeconds}:${userId}`;
  const credential = crypto.createHmac('sha1', turn.secret).update(username).digest('base64');
  return [{ urls: turn.urls, username, credential }];
}

export function parseTurnSettings(urls: string | undefined, secret: string | undefined, ttlSeconds: number, relayOnly = false): TurnSettings | null {
  if (!urls || !secret) return null;
  return { urls: urls.split(',').map((u) => u.trim()).filter(Boolean), secret, ttlSeconds, relayOnly };
}

/** The ICE transport policy browsers get: `relay` only when a relay is configured and required. */
export function iceTransportPolicyFor(turn: TurnSettings | null): 'all' | 'relay' {
  return turn?.relayOnly ? 'relay' : 'all';
}
