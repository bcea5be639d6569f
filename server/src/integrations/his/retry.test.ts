import { describe, expect, it } from 'vitest';
import { backoffDelay, retry } from './retry';

const noSleep = { sleep: async () => {}, random: () => 0.5 };

describe('retry with exponential backoff', () => {
  it('retries a transient failure until it succeeds', async () => {
    let calls = 0;
    const result = await retry(
      async () => {
        calls++;
        if (calls < 3) throw new Error('blip');
        return 'ok';
      },
      { attempts: 5, baseDelayMs: 10, maxDelayMs: 100, shouldRetry: () => true, ...noSleep },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after the last attempt, and at once on an error not worth retrying', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error(calls === 1 ? 'transient' : 'fatal');
    };
    await expect(retry(failing, { attempts: 4, baseDelayMs: 1, maxDelayMs: 1, shouldRetry: (e) => e instanceof Error && e.message === 'transient', ...noSleep })).rejects.toThrow('fatal');
    expect(calls).toBe(2);
    calls = 0;
    await expect(retry(async () => { calls++; throw new Error('x'); }, { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, shouldRetry: () => true, ...noSleep })).rejects.toThrow('x');
    expect(calls).toBe(3);
  });

  it('waits base × 2^n with equal jitter, capped', () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, opts, () => 0)).toBe(50);
    expect(backoffDelay(1, opts, () => 1)).toBe(100);
    expect(backoffDelay(3, opts, () => 1)).toBe(400);
    expect(backoffDelay(10, opts, () => 1)).toBe(1000);
    const waits: number[] = [];
    return retry(async (n) => { if (n < 4) throw new Error('x'); }, { attempts: 4, ...opts, shouldRetry: () => true, random: () => 1, sleep: async (ms) => { waits.push(ms); } }).then(() => {
      expect(waits).toEqual([100, 200, 400]);
    });
  });

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('left the page')), 20);
    await expect(retry(async () => { throw new Error('down'); }, { attempts: 5, baseDelayMs: 5_000, maxDelayMs: 5_000, shouldRetry: () => true, signal: controller.signal })).rejects.toThrow('left the page');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
