import { describe, expect, it } from 'vitest';
import { nodeKey, seal, unseal } from './node-seal';

describe('node message seal', () => {
  const key = nodeKey('the cluster secret, forty-eight characters long..');
  const message = { kind: 'request', id: 'r1', from: 'node2', op: 'link.open', body: { roomId: 'c1' } };

  it('opens what the same key sealed, within 30 s', () => {
    expect(unseal(key, seal(key, message))).toEqual(message);
    expect(unseal(key, seal(key, message, Date.now() - 25_000))).toEqual(message);
  });

  it('drops an unsigned, tampered, foreign, stale or garbled message', () => {
    const sealed = JSON.parse(seal(key, message)) as { at: number; body: string; sig: string };
    expect(unseal(key, JSON.stringify(message))).toBeNull();
    expect(unseal(key, JSON.stringify({ ...sealed, body: sealed.body.replace('c1', 'c2') }))).toBeNull();
    expect(unseal(key, JSON.stringify({ ...sealed, at: sealed.at + 1 }))).toBeNull();
    expect(unseal(key, JSON.stringify({ ...sealed, sig: sealed.sig.slice(1) }))).toBeNull();
    expect(unseal(nodeKey('another secret'), seal(key, message))).toBeNull();
    expect(unseal(key, seal(key, message, Date.now() - 31_000))).toBeNull();
    expect(unseal(key, seal(key, message, Date.now() + 31_000))).toBeNull();
    expect(unseal(key, 'not json')).toBeNull();
  });
});
