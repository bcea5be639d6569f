import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { PrescriptionChannel, type RxChannelState } from './prescription-channel';

/** Just enough of a socket.io client socket to drive the channel's connection state. */
class FakeSocket {
  connected = false;
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  connect() {
    return this;
  }
  disconnect() {
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
}

function channel() {
  const socket = new FakeSocket();
  const tokens = { getAccessToken: () => 'token', refresh: async () => false };
  const c = new PrescriptionChannel(tokens, () => socket as unknown as Socket);
  const seen: RxChannelState[] = [];
  c.onStateChange((s) => seen.push(s));
  return { c, socket, seen };
}

describe('the prescription socket’s connection state', () => {
  it('connecting, then connected; a drop is reconnecting until the socket is back', () => {
    const { c, socket, seen } = channel();
    expect(c.state).toBe('connecting');
    socket.connected = true;
    socket.emit('connect');
    socket.connected = false;
    socket.emit('disconnect', 'transport close');
    socket.emit('connect_error', new Error('xhr poll error'));
    socket.connected = true;
    socket.emit('connect');
    expect(seen).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('a refused token that cannot be refreshed is failed; closing is final', async () => {
    const { c, socket, seen } = channel();
    socket.emit('connect_error', Object.assign(new Error('unauthorized'), { data: { code: 'token_expired' } }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(c.state).toBe('failed');
    c.close();
    expect(seen).toEqual(['failed', 'closed']);
  });
});
