import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('single flight (a double click sends one request)', () => {
  it('refuses a second call while the first runs, then runs the next one', async () => {
    const flight = singleFlight();
    const sent: string[] = [];
    const answer = deferred<string>();
    const first = flight.run(() => {
      sent.push('first');
      return answer.promise;
    });
    expect(flight.busy).toBe(true);
    expect(
      await flight.run(() => {
        sent.push('second');
        return Promise.resolve('second');
      }),
    ).toEqual({ ran: false });
    answer.resolve('ok');
    expect(await first).toEqual({ ran: true, value: 'ok' });
    expect(flight.busy).toBe(false);
    expect(await flight.run(() => Promise.resolve('third'))).toEqual({ ran: true, value: 'third' });
    expect(sent).toEqual(['first']);
  });

  it('a failure frees the slot and reaches the caller', async () => {
    const flight = singleFlight();
    const answer = deferred<string>();
    const first = flight.run(() => answer.promise);
    answer.reject(new Error('network'));
    await expect(first).rejects.toThrow('network');
    expect(flight.busy).toBe(false);
  });
});
