import type { KioskAppointmentView, QueueView } from '@cloudclinic/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClinicChannel, ClinicChannelError, type ClinicTransport, type TransportFactory, type TransportHandlers } from './clinic-channel';

const session = {
  id: 'sess1',
  expert: { id: 'u1', displayName: '陈建华' },
  department: { id: 'd1', name: '心血管内科' },
  startsAt: '2026-11-23T00:00:00.000Z',
  endsAt: '2026-11-23T10:00:00.000Z',
  capacity: 20,
  slotMinutes: 10,
  institutions: [{ id: 'i1', name: '嵊泗县人民医院' }],
  counts: { booked: 1, waiting: 1, done: 0 },
};

function appointment(status: KioskAppointmentView['status'], extra: Partial<KioskAppointmentView> = {}): KioskAppointmentView {
  return {
    id: 'a1',
    sessionId: 'sess1',
    code: 'ABCD23',
    queueNumber: 1,
    status,
    patientLabel: '王*国',
    maskedId: null,
    hisPatientId: 'p-0001',
    patient: { sex: 'male', age: 70, hisNumber: 'SS1000001', verified: true },
    institution: { id: 'i1', name: '嵊泗县人民医院' },
    checkedInAt: null,
    calledAt: null,
    completedAt: null,
    consultationId: null,
    consents: { telemedicine: true, recording: null },
    position: 1,
    estimatedWaitMinutes: 0,
    typicalVisitMinutes: 10,
    currentVisitStartedAt: null,
    expertName: '陈建华',
    departmentName: '心血管内科',
    summary: null,
    ...extra,
  };
}

function queue(count: number): QueueView {
  const appointments = Array.from({ length: count }, (_, i) => {
    const { position: _p, estimatedWaitMinutes: _e, typicalVisitMinutes: _t, currentVisitStartedAt: _c, expertName: _n, departmentName: _d, summary: _s, ...view } = appointment('checked_in', {
      id: `a${i + 1}`,
      queueNumber: i + 1,
    });
    return view;
  });
  return { session, appointments };
}

type Responder = (method: string, data: unknown) => unknown;

/** A fake socket: records requests, answers them with `respond`, lets the test drive connection events. */
function fakeTransport(respond: Responder) {
  const sent: { method: string; data: unknown }[] = [];
  let handlers: TransportHandlers | null = null;
  let auth: (() => { token: string }) | null = null;
  const transport: ClinicTransport & { connected: boolean; active: boolean; connects: number; closed: boolean } = {
    connected: false,
    active: true,
    connects: 0,
    closed: false,
    connect() {
      this.connects += 1;
    },
    close() {
      this.closed = true;
    },
    async request(envelope) {
      sent.push(envelope);
      await Promise.resolve();
      return respond(envelope.method, envelope.data);
    },
  };
  const factory: TransportFactory = (a, h) => {
    auth = a;
    handlers = h;
    return transport;
  };
  const h = (): TransportHandlers => {
    if (!handlers) throw new Error('transport not created');
    return handlers;
  };
  return {
    factory,
    transport,
    sent,
    token: () => auth?.().token,
    connectNow() {
      transport.connected = true;
      h().onConnect();
    },
    drop() {
      transport.connected = false;
      h().onDisconnect('transport close');
    },
    refuse(data: unknown) {
      h().onConnectError(data);
    },
    notify(raw: unknown) {
      h().onNotification(raw);
    },
  };
}

const ok = (data: unknown) => ({ ok: true, data });
const flush = () => new Promise((r) => setTimeout(r, 0));

function defaultResponder(method: string): unknown {
  if (method === 'queue.watch') return ok(queue(1));
  if (method === 'appointment.watch') return ok(appointment('checked_in'));
  return ok({});
}

function setup(respond: Responder = defaultResponder, tokens = { getAccessToken: () => 'tok-1', refresh: vi.fn(async () => true) }) {
  const fake = fakeTransport(respond);
  const channel = new ClinicChannel({ tokens, transport: fake.factory, retryDelayMs: 50 });
  return { fake, channel, tokens };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ClinicChannel watches', () => {
  it('subscribes once connected, delivers the snapshot and then each validated notification', async () => {
    const { fake, channel } = setup();
    const onData = vi.fn();
    channel.watchQueue('sess1', { onData });
    expect(fake.sent).toEqual([]);

    fake.connectNow();
    await flush();
    expect(fake.sent).toEqual([{ method: 'queue.watch', data: { sessionId: 'sess1' } }]);
    expect(onData).toHaveBeenLastCalledWith(queue(1));

    fake.notify({ method: 'queue.changed', data: queue(2) });
    expect(onData).toHaveBeenCalledTimes(2);
    expect(onData).toHaveBeenLastCalledWith(queue(2));
  });

  it('routes notifications by id and ignores unknown methods and malformed data', async () => {
    const { fake, channel } = setup();
    fake.connectNow();
    const mine = vi.fn();
    channel.watchAppointment('a1', { onData: mine });
    await flush();
    mine.mockClear();

    fake.notify({ method: 'appointment.changed', data: appointment('called', { id: 'other' }) });
    fake.notify({ method: 'appointment.changed', data: { id: 'a1', status: 'teleported' } });
    fake.notify({ method: 'room.peerJoined', data: {} });
    fake.notify('garbage');
    expect(mine).not.toHaveBeenCalled();

    fake.notify({ method: 'appointment.changed', data: appointment('called', { consultationId: 'c1' }) });
    expect(mine).toHaveBeenCalledWith(appointment('called', { consultationId: 'c1' }));
  });

  it('watches the 远程会诊申请 list: snapshot, validated `requests.changed`, again after a reconnect', async () => {
    const request = (status: string) => ({
      id: 'r1', hisPatientId: 'p-0001', institution: { id: 'i1', name: '嵊泗县人民医院' }, requestedBy: { id: 'u1', displayName: '王海东' },
      summary: '胸闷三天，CT 示结节', question: '性质？', urgency: 'urgent', department: null, wantedExperts: [], preferredTimes: [], studyUids: [], reportIds: [],
      status, scheduledAt: null, proposedAt: null, proposedExperts: [], assignedExperts: [], declineReason: null, respondedAt: null, consultationId: null,
      createdAt: '2026-12-06T08:00:00.000Z', actions: [],
    });
    const { fake, channel } = setup((method) => (method === 'requests.watch' ? ok({ requests: [request('submitted')] }) : ok({})));
    const onData = vi.fn();
    channel.watchRequests({ onData });
    fake.connectNow();
    await flush();
    expect(fake.sent).toEqual([{ method: 'requests.watch', data: {} }]);
    expect(onData).toHaveBeenLastCalledWith([request('submitted')]);
    fake.notify({ method: 'requests.changed', data: { requests: [request('teleported')] } });
    expect(onData).toHaveBeenCalledTimes(1);
    fake.notify({ method: 'requests.changed', data: { requests: [request('scheduled')] } });
    expect(onData).toHaveBeenLastCalledWith([request('scheduled')]);
    fake.drop();
    fake.connectNow();
    await flush();
    expect(fake.sent.filter((m) => m.method === 'requests.watch')).toHaveLength(2);
  });

  it('follows an MDT sitting: a read after subscribing, one per valid `mdt.changed` of that sitting, again after a reconnect; unwatch is sent', async () => {
    const { fake, channel } = setup(() => ok({}));
    const onData = vi.fn();
    const stop = channel.watchMdtSitting('m1', { onData });
    fake.connectNow();
    await flush();
    expect(fake.sent).toEqual([{ method: 'mdt.watch', data: { meetingId: 'm1' } }]);
    expect(onData).toHaveBeenCalledTimes(1);
    fake.notify({ method: 'mdt.changed', data: { meetingId: 'm1' } });
    fake.notify({ method: 'mdt.changed', data: { meetingId: 'm2' } });
    fake.notify({ method: 'mdt.changed', data: { meeting: 'm1' } });
    expect(onData).toHaveBeenCalledTimes(2);
    fake.drop();
    fake.connectNow();
    await flush();
    expect(fake.sent.filter((m) => m.method === 'mdt.watch')).toHaveLength(2);
    expect(onData).toHaveBeenCalledTimes(3);
    stop();
    await flush();
    expect(fake.sent.at(-1)).toEqual({ method: 'mdt.unwatch', data: { meetingId: 'm1' } });
    fake.notify({ method: 'mdt.changed', data: { meetingId: 'm1' } });
    expect(onData).toHaveBeenCalledTimes(3);
  });

  it('re-sends every watch after a reconnect and delivers the fresh snapshot', async () => {
    let n = 1;
    const { fake, channel } = setup((method) => (method === 'queue.watch' ? ok(queue(n)) : ok(appointment('checked_in'))));
    const onQueue = vi.fn();
    const onAppt = vi.fn();
    channel.watchQueue('sess1', { onData: onQueue });
    channel.watchAppointment('a1', { onData: onAppt });
    fake.connectNow();
    await flush();
    expect(channel.state).toBe('connected');

    fake.drop();
    expect(channel.state).toBe('reconnecting');
    n = 3;
    fake.connectNow();
    await flush();
    expect(fake.sent.map((s) => s.method)).toEqual(['queue.watch', 'appointment.watch', 'queue.watch', 'appointment.watch']);
    expect(onQueue).toHaveBeenLastCalledWith(queue(3));
    expect(onAppt).toHaveBeenCalledTimes(2);
  });

  it('shares one subscription between watchers of the same id and unwatches after the last one leaves', async () => {
    const { fake, channel } = setup();
    fake.connectNow();
    const a = vi.fn();
    const b = vi.fn();
    const offA = channel.watchQueue('sess1', { onData: a });
    await flush();
    const offB = channel.watchQueue('sess1', { onData: b });
    expect(b).toHaveBeenCalledWith(queue(1)); // the late watcher gets the last snapshot at once
    offA();
    expect(fake.sent.map((s) => s.method)).toEqual(['queue.watch']);
    offB();
    await flush();
    expect(fake.sent.map((s) => s.method)).toEqual(['queue.watch', 'queue.unwatch']);
    fake.notify({ method: 'queue.changed', data: queue(2) });
    expect(a).toHaveBeenCalledTimes(1);
  });

  it('reports a refused watch (e.g. forbidden) to its watcher with the server code', async () => {
    const { fake, channel } = setup(() => ({ ok: false, error: { code: 'forbidden', message: 'not yours' } }));
    const onError = vi.fn();
    channel.watchQueue('sess1', { onData: vi.fn(), onError });
    fake.connectNow();
    await flush();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'forbidden' }));
  });

  it('drops a snapshot that arrives after a newer notification', async () => {
    let release: (v: unknown) => void = () => undefined;
    const { fake, channel } = setup(() => new Promise((r) => (release = r)));
    const onData = vi.fn();
    channel.watchQueue('sess1', { onData });
    fake.connectNow();
    await flush();
    fake.notify({ method: 'queue.changed', data: queue(2) });
    release(ok(queue(1)));
    await flush();
    expect(onData.mock.calls).toEqual([[queue(2)]]);
  });
});

describe('ClinicChannel requests', () => {
  it('rejects with typed errors: not connected, malformed ack, unexpected response, invalid request', async () => {
    const { fake, channel } = setup((method) => (method === 'queue.watch' ? { nope: 1 } : ok({ session: 'x' })));
    await expect(channel.request('queue.watch', { sessionId: 's' })).rejects.toMatchObject({ code: 'disconnected' });
    fake.connectNow();
    await expect(channel.request('queue.watch', { sessionId: 's' })).rejects.toMatchObject({ code: 'bad_response' });
    await expect(channel.request('appointment.watch', { appointmentId: 'a' })).rejects.toBeInstanceOf(ClinicChannelError);
    await expect(channel.request('queue.watch', { sessionId: 'bad id!' })).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('ClinicChannel handshake', () => {
  it('reads the current token at each handshake', () => {
    let token = 'tok-1';
    const fake = fakeTransport(defaultResponder);
    new ClinicChannel({ tokens: { getAccessToken: () => token, refresh: async () => true }, transport: fake.factory });
    expect(fake.token()).toBe('tok-1');
    token = 'tok-2';
    expect(fake.token()).toBe('tok-2');
  });

  it('refreshes once on an expired token and reconnects; a second refusal fails the watchers', async () => {
    const { fake, channel, tokens } = setup();
    const onError = vi.fn();
    channel.watchAppointment('a1', { onData: vi.fn(), onError });
    const before = fake.transport.connects;

    fake.refuse({ code: 'token_expired', message: 'expired' });
    await flush();
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(fake.transport.connects).toBe(before + 1);

    fake.refuse({ code: 'token_expired', message: 'expired' });
    await flush();
    expect(tokens.refresh).toHaveBeenCalledTimes(1);
    expect(channel.state).toBe('failed');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_expired' }));
  });

  it('retries later when the server drops the socket on purpose', async () => {
    vi.useFakeTimers();
    const { fake, channel } = setup();
    fake.connectNow();
    fake.transport.active = false;
    fake.drop();
    const before = fake.transport.connects;
    await vi.advanceTimersByTimeAsync(60);
    expect(fake.transport.connects).toBe(before + 1);
    channel.close();
    expect(fake.transport.closed).toBe(true);
    expect(channel.state).toBe('closed');
  });
});
