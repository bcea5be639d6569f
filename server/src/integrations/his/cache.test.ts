import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache';

describe('per-key TTL cache', () => {
  it('expires entries after their TTL, per key', () => {
    let t = 0;
    const cache = new TtlCache<string, number>({ ttlMs: 100, now: () => t });
    cache.set('c1:p-0001', 1);
    cache.set('c2:p-0002', 2, 1_000);
    t = 99;
    expect(cache.get('c1:p-0001')).toBe(1);
    t = 100;
    expect(cache.get('c1:p-0001')).toBeUndefined();
    expect(cache.get('c2:p-0002')).toBe(2);
  });

  it('shares one load between concurrent callers and does not cache failures', async () => {
    const cache = new TtlCache<string, string>({ ttlMs: 1_000 });
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 10));
      return 'record';
    };
    const [a, b] = await Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load)]);
    expect([a, b, loads]).toEqual(['record', 'record', 1]);
    await expect(cache.getOrLoad('bad', async () => { throw new Error('HIS down'); })).rejects.toThrow('HIS down');
    await expect(cache.getOrLoad('bad', async () => 'later')).resolves.toBe('later');
  });

  it('drops the oldest beyond maxEntries, and a whole consultation at once', () => {
    const cache = new TtlCache<string, number>({ ttlMs: 1_000, maxEntries: 2 });
    cache.set('c1:a', 1);
    cache.set('c1:b', 2);
    cache.set('c2:a', 3);
    expect(cache.get('c1:a')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.deleteWhere((k) => k.startsWith('c1:'));
    expect(cache.size).toBe(1);
  });
});
