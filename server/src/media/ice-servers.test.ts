import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { iceServersFor, iceTransportPolicyFor, parseTurnSettings } from './ice-servers';

describe('ICE servers with time-limited TURN credentials', () => {
  it('derives coturn use-auth-secret credentials that expire after the TTL', () => {
    const turn = parseTurnSettings('turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349', 's3cret', 3600);
    expect(turn?.urls).toEqual(['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349']);
    const now = Date.UTC(2026, 10, 23, 8, 0, 0);
    const [server] = iceServersFor('user-1', turn, now);
    expect(server?.username).toBe(`${now / 1000 + 3600}:user-1`);
    const expected = crypto.createHmac('sha1', 's3cret').update(String(server?.username)).digest('base64');
    expect(server?.credential).toBe(expected);
  });

  it('hands out no TURN server unless both URLs and secret are configured', () => {
    expect(parseTurnSettings('turn:x', undefined, 60)).toBeNull();
    expect(parseTurnSettings(undefined, 'secret', 60)).toBeNull();
    expect(iceServersFor('u', null)).toEqual([]);
  });

  it('asks browsers to relay only when a relay is configured and required', () => {
    expect(iceTransportPolicyFor(null)).toBe('all');
    expect(iceTransportPolicyFor(parseTurnSettings('turn:x', 's', 60))).toBe('all');
    expect(iceTransportPolicyFor(parseTurnSettings('turn:x', 's', 60, true))).toBe('relay');
    expect(() => loadConfig({ NODE_ENV: 'test', TURN_RELAY_ONLY: 'true' })).toThrow(/TURN_RELAY_ONLY needs TURN_URLS and TURN_SECRET/);
  });
});
