import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepSessionFresh } from './session-renewal';

function fakeSocket(connected = true) {
  const sent: unknown[] = [];
  return { sent, connected, timeout: () => ({ emit: (_e: string, payload: unknown) => sent.push(payload) }) };
}

describe('keepSessionFresh', () => {
  afterEach(() => vi.useRealTimers());

  it('refreshes the token and hands it over the open socket on every interval, until stopped', async () => {
    vi.useFakeTimers();
    const socket = fakeSocket();
    let n = 0;
    const tokens = { getAccessToken: () => `token-${n}`, refresh: vi.fn(async () => ((n += 1), true)) };
    const stop = keepSessionFresh(socket, tokens, 1000);
    await vi.advanceTimersByTimeAsync(2500);
    expect(socket.sent).toEqual([
      { method: 'session.renew', data: { token: 'token-1' } },
      { method: 'session.renew', data: { token: 'token-2' } },
    ]);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(socket.sent).toHaveLength(2);
  });

  it('sends nothing while disconnected or when the session cannot be refreshed', async () => {
    vi.useFakeTimers();
    const offline = fakeSocket(false);
    const refresh = vi.fn(async () => true);
    keepSessionFresh(offline, { getAccessToken: () => 't', refresh }, 1000)();
    const ended = fakeSocket();
    const stop = keepSessionFresh(ended, { getAccessToken: () => 't', refresh: async () => false }, 1000);
    await vi.advanceTimersByTimeAsync(1500);
    stop();
    expect(offline.sent).toEqual([]);
    expect(ended.sent).toEqual([]);
  });
});
