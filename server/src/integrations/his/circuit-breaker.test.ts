import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CircuitOpenError } from './circuit-breaker';

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}
const fail = () => Promise.reject(new Error('down'));
const ok = () => Promise.resolve('ok');

describe('circuit breaker', () => {
  it('opens after N consecutive failures and then fails fast without calling', async () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: c.now });
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    let called = false;
    await expect(breaker.run(async () => { called = true; })).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
  });

  it('counts only consecutive failures: a success resets the count', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000 });
    await expect(breaker.run(fail)).rejects.toThrow();
    await breaker.run(ok);
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('lets one trial through after the cooldown: success closes, failure reopens', async () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 500, now: c.now });
    await expect(breaker.run(fail)).rejects.toThrow();
    c.advance(500);
    expect(breaker.state).toBe('half-open');
    await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    c.advance(500);
    let release: () => void = () => {};
    const trial = breaker.run(() => new Promise<string>((resolve) => (release = () => resolve('ok'))));
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await expect(trial).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('ignores errors classified neutral and treats "answered" errors as success', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 500 });
    await expect(breaker.run(fail, () => 'neutral')).rejects.toThrow();
    await expect(breaker.run(fail, () => 'success')).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });
});
