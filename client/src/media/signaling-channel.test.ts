import type { Socket } from 'socket.io-client';
import { describe, expect, it, vi } from 'vitest';
import { parseNotification, SignalingChannel, type RoomNotificationEvent, type TokenProvider } from './signaling-channel';
import { SignalingError } from './signaling-error';

type Handler = (...args: unknown[]) => void;
type Ack = (err: Error | null, response?: unknown) => void;

/** Just enough of a socket.io client socket; the test plays the server. */
class FakeSocket {
  connected = false;
  active = false;
  connects = 0;
  readonly sent: { event: string; payload: unknown; ack: Ack }[] = [];
  private readonly handlers = new Map<string, Handler[]>();

  /** The manager's options, as socket.io-client exposes them (`socket.io.opts`). */
  readonly io: { opts: { query?: Record<string, string> } };

  constructor(readonly opts: { auth: (cb: (data: object) => void) => void; query?: Record<string, string> }) {
    this.io = { opts: { ...(opts.query ? { query: opts.query } : {}) } };
  }

  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
  connect() {
    this.connects += 1;
    this.active = true;
    return this;
  }
  disconnect() {
    this.active = false;
    if (this.connected) {
      this.connected = false;
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  timeout() {
    return { emit: (event: string, payload: unknown, ack: Ack) => this.sent.push({ event, payload, ack }) };
  }
  /** The server accepts the handshake. */
  accept() {
    this.connected = true;
    this.fire('connect');
  }
  handshakeToken(): unknown {
    let token: unknown;
    this.opts.auth((data) => (token = (data as { token?: unknown }).token));
    return token;
  }
}

function setup(tokens: Partial<TokenProvider> = {}, consultationId?: string) {
  let socket: FakeSocket | undefined;
  const provider: TokenProvider = { getAccessToken: () => 'token-1', refresh: vi.fn(async () => true), ...tokens };
  const channel = new SignalingChannel({
    tokens: provider,
    ...(consultationId ? { consultationId } : {}),
    socketFactory: (opts) => {
      socket = new FakeSocket(opts as ConstructorParameters<typeof FakeSocket>[0]);
      return socket as unknown as Socket;
    },
  });
  if (!socket) throw new Error('no socket');
  return { channel, socket, provider };
}

describe('SignalingChannel handshake', () => {
  it("names the room's consultation in the handshake URL (a balancer routes a room's sockets to one node), and nothing else", () => {
    const seen: unknown[] = [];
    const factory = (opts: unknown) => {
      seen.push((opts as { query?: unknown }).query);
      return new FakeSocket(opts as ConstructorParameters<typeof FakeSocket>[0]) as unknown as Socket;
    };
    const tokens: TokenProvider = { getAccessToken: () => 't', refresh: async () => true };
    new SignalingChannel({ tokens, consultationId: 'c-42', socketFactory: factory }).close();
    new SignalingChannel({ tokens, socketFactory: factory }).close();
    expect(seen).toEqual([{ consultation: 'c-42' }, undefined]);
  });
});

describe('SignalingChannel requests', () => {
  it('sends { method, data } and resolves with the response validated by the catalogue', async () => {
    const { channel, socket } = setup();
    channel.connect();
    socket.accept();
    const pending = channel.request('transport.restartIce', { transportId: '6f1c2f38-6a8a-4a55-9b59-4d4b0b4f6e11' });
    expect(socket.sent[0]).toMatchObject({ event: 'request', payload: { method: 'transport.restartIce', data: { transportId: '6f1c2f38-6a8a-4a55-9b59-4d4b0b4f6e11' } } });
    socket.sent[0]?.ack(null, { ok: true, data: { iceParameters: { usernameFragment: 'u', password: 'p' } } });
    await expect(pending).resolves.toEqual({ iceParameters: { usernameFragment: 'u', password: 'p' } });
  });

  it('rejects with the server error code, a malformed response, a timeout, or when not connected', async () => {
    const { channel, socket } = setup();
    await expect(channel.request('room.leave', {})).rejects.toMatchObject({ code: 'disconnected' });
    channel.connect();
    socket.accept();

    const refused = channel.request('room.join', { consultationId: 'c1' });
    socket.sent[0]?.ack(null, { ok: false, error: { code: 'forbidden', message: 'not a participant' } });
    await expect(refused).rejects.toEqual(new SignalingError('forbidden', 'not a participant'));

    const malformed = channel.request('producer.create', { transportId: '6f1c2f38-6a8a-4a55-9b59-4d4b0b4f6e11', kind: 'audio', rtpParameters: { codecs: [] }, source: 'microphone' });
    socket.sent[1]?.ack(null, { ok: true, data: { id: 42 } });
    await expect(malformed).rejects.toMatchObject({ code: 'bad_response' });

    const lost = channel.request('room.leave', {});
    socket.sent[2]?.ack(new Error('operation has timed out'));
    await expect(lost).rejects.toMatchObject({ code: 'timeout' });
  });
});

describe('SignalingChannel notifications', () => {
  it('emits catalogue notifications with validated data and drops the rest', () => {
    const { channel, socket } = setup();
    const seen: RoomNotificationEvent[] = [];
    channel.events.on('notification', (n) => seen.push(n));
    socket.fire('notification', { method: 'room.activeSpeaker', data: { peerId: 'p1' } });
    socket.fire('notification', { method: 'room.activeSpeaker', data: { peerId: 7 } });
    socket.fire('notification', { method: 'queue.changed', data: {} });
    socket.fire('notification', 'garbage');
    expect(seen).toEqual([{ method: 'room.activeSpeaker', data: { peerId: 'p1' } }]);
  });
});

describe('SignalingChannel connection', () => {
  it('reads the current token at each handshake and reports reconnections', () => {
    let token = 'token-1';
    const { channel, socket } = setup({ getAccessToken: () => token });
    const states: string[] = [];
    const connects: (number | null)[] = [];
    channel.events.on('state', (s) => states.push(s));
    channel.events.on('connected', ({ afterMs }) => connects.push(afterMs));
    channel.connect();
    expect(socket.handshakeToken()).toBe('token-1');
    socket.accept();
    socket.connected = false;
    socket.fire('disconnect', 'transport close');
    token = 'token-2';
    expect(socket.handshakeToken()).toBe('token-2');
    socket.accept();
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
    expect(connects).toHaveLength(2);
    expect(connects[0]).toBeNull();
    expect(connects[1]).toEqual(expect.any(Number));
  });

  it('refreshes an expired token once and connects again', async () => {
    const { channel, socket, provider } = setup();
    channel.connect();
    socket.active = false; // a middleware refusal: socket.io does not retry by itself
    socket.fire('connect_error', Object.assign(new Error('expired'), { data: { code: 'token_expired', message: 'expired' } }));
    await vi.waitFor(() => expect(socket.connects).toBe(2));
    expect(provider.refresh).toHaveBeenCalledTimes(1);
  });

  it('gives up when the session cannot be refreshed', async () => {
    const { channel, socket } = setup({ refresh: async () => false });
    const failures: SignalingError[] = [];
    channel.events.on('authFailed', (e) => failures.push(e));
    channel.connect();
    socket.fire('connect_error', Object.assign(new Error('expired'), { data: { code: 'token_expired', message: 'expired' } }));
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    expect(channel.state).toBe('failed');
    expect(socket.connects).toBe(1);
  });
});

describe('SignalingChannel moving between nodes', () => {
  it('reconnects asking the balancer for the named node, and with null through the balancer alone', () => {
    const { channel, socket } = setup({}, 'c-7');
    const states: string[] = [];
    channel.events.on('state', (s) => states.push(s));
    channel.connect();
    socket.accept();
    channel.moveTo('node2');
    expect(socket.io.opts.query).toEqual({ consultation: 'c-7', node: 'node2' });
    expect(socket.connects).toBe(2);
    socket.accept();
    channel.moveTo(null);
    expect(socket.io.opts.query).toEqual({ consultation: 'c-7' });
    expect(socket.connects).toBe(3);
    expect(states).toEqual(['connected', 'reconnecting', 'connected', 'reconnecting']);
  });

  it('accepts a room.move naming a node or none, and drops one whose node could smuggle URL parameters', () => {
    expect(parseNotification({ method: 'room.move', data: { node: 'node2' } })).toEqual({ method: 'room.move', data: { node: 'node2' } });
    expect(parseNotification({ method: 'room.move', data: { node: null } })).toEqual({ method: 'room.move', data: { node: null } });
    expect(parseNotification({ method: 'room.move', data: { node: 'node2&consultation=x' } })).toBeNull();
    expect(parseNotification({ method: 'room.move', data: {} })).toBeNull();
  });
});
