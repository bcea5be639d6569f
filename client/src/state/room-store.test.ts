import { describe, expect, it, vi } from 'vitest';
import { Emitter } from '../media/emitter';
import type { PeerIdentity, RemoteTrack, RoomEvents } from '../media/room-events';
import { createRoomStore, INITIAL_ROOM_SNAPSHOT, reduceRoom, type RoomEvent, type RoomSnapshot } from './room-store';

const kiosk: PeerIdentity = {
  peerId: 'p-kiosk',
  userId: 'u-kiosk',
  displayName: '嵊泗县人民医院 云诊室1',
  userRole: 'kiosk',
  participantRole: 'patient_kiosk',
  institutionName: '嵊泗县人民医院',
};
const doctor: PeerIdentity = { ...kiosk, peerId: 'p-doc', userId: 'u-doc', displayName: '王海东', userRole: 'county_doctor', participantRole: 'local_doctor' };

/** Node has no MediaStreamTrack; the store only keeps the reference. */
const fakeTrack = (kind: 'audio' | 'video') => ({ kind, id: `${kind}-${Math.random()}` }) as unknown as MediaStreamTrack;

function track(peerId: string, source: RemoteTrack['source'], consumerId: string, producerPaused = false): RemoteTrack {
  const kind = source === 'microphone' ? 'audio' : 'video';
  return { consumerId, peerId, source, kind, track: fakeTrack(kind), producerPaused };
}

function run(...events: RoomEvent[]): RoomSnapshot {
  return events.reduce(reduceRoom, INITIAL_ROOM_SNAPSHOT);
}

const joined = (...peers: PeerIdentity[]): RoomEvent => ({ type: 'joined', payload: { selfPeerId: 'me', peers } });

describe('room store: participants and their tracks', () => {
  it('starts connecting with nobody, then lists the peers present at join', () => {
    expect(INITIAL_ROOM_SNAPSHOT.connection.state).toBe('connecting');
    const s = run(joined(kiosk));
    expect(s.selfPeerId).toBe('me');
    expect(s.participants.map((p) => p.displayName)).toEqual(['嵊泗县人民医院 云诊室1']);
    expect(s.participants[0]).toMatchObject({ participantRole: 'patient_kiosk', institutionName: '嵊泗县人民医院', audioMuted: true, cameraOff: true, speaking: false });
  });

  it('keeps what each participant\'s browser reports of its devices, across track changes and from the join', () => {
    const reported = run(joined(kiosk, doctor), { type: 'peerDevices', payload: { peerId: 'p-kiosk', camera: 'denied', microphone: 'on' } });
    expect(reported.participants[0]?.devices).toEqual({ camera: 'denied', microphone: 'on' });
    expect(reported.participants[1]?.devices).toBeUndefined();
    const later = reduceRoom(reported, { type: 'trackAdded', payload: track('p-kiosk', 'microphone', 'mic') });
    expect(later.participants[0]?.devices?.camera).toBe('denied');
    const fromJoin = run(joined({ ...doctor, devices: { camera: 'missing', microphone: 'off' } }));
    expect(fromJoin.participants[0]?.devices).toEqual({ camera: 'missing', microphone: 'off' });
    const audioOnly = run(joined(kiosk), { type: 'peerDevices', payload: { peerId: 'p-kiosk', camera: 'off', microphone: 'on', audioOnly: 'chosen' } });
    expect(audioOnly.participants[0]?.devices).toEqual({ camera: 'off', microphone: 'on', audioOnly: 'chosen' });
  });

  it('adds tracks per source and derives muted / camera-off from them', () => {
    const s = run(joined(kiosk), { type: 'trackAdded', payload: track('p-kiosk', 'camera', 'c1') }, { type: 'trackAdded', payload: track('p-kiosk', 'microphone', 'c2') });
    const p = s.participants[0];
    expect(p?.tracks.camera?.consumerId).toBe('c1');
    expect(p?.tracks.microphone?.kind).toBe('audio');
    expect(p).toMatchObject({ audioMuted: false, cameraOff: false });
  });

  it('follows a remote mute (producer paused) and unmute', () => {
    const base = [joined(kiosk), { type: 'trackAdded', payload: track('p-kiosk', 'microphone', 'mic') }] as RoomEvent[];
    const muted = run(...base, { type: 'trackPaused', payload: { consumerId: 'mic', paused: true } });
    expect(muted.participants[0]?.audioMuted).toBe(true);
    const unmuted = reduceRoom(muted, { type: 'trackPaused', payload: { consumerId: 'mic', paused: false } });
    expect(unmuted.participants[0]?.audioMuted).toBe(false);
  });

  it('a microphone that arrives paused is muted from the start', () => {
    const s = run(joined(kiosk), { type: 'trackAdded', payload: track('p-kiosk', 'microphone', 'mic', true) });
    expect(s.participants[0]?.audioMuted).toBe(true);
  });

  it('camera closed by the sender → camera off; screen share is its own source', () => {
    const s = run(
      joined(kiosk),
      { type: 'trackAdded', payload: track('p-kiosk', 'camera', 'cam') },
      { type: 'trackAdded', payload: track('p-kiosk', 'screen', 'scr') },
      { type: 'trackRemoved', payload: { consumerId: 'cam' } },
    );
    expect(s.participants[0]?.cameraOff).toBe(true);
    expect(s.participants[0]?.tracks.screen?.consumerId).toBe('scr');
  });

  it('peers join late and leave; a rejoining user replaces their old peer', () => {
    let s = run(joined(kiosk), { type: 'peerJoined', payload: doctor });
    expect(s.participants.map((p) => p.peerId)).toEqual(['p-kiosk', 'p-doc']);
    s = reduceRoom(s, { type: 'peerLeft', payload: { peerId: 'p-kiosk', reason: 'left' } });
    s = reduceRoom(s, { type: 'peerJoined', payload: { ...kiosk, peerId: 'p-kiosk-2' } });
    expect(s.participants.map((p) => p.peerId)).toEqual(['p-doc', 'p-kiosk-2']);
  });

  it('a dropped peer keeps its tile in place, without media, until the same user is back there', () => {
    let s = run(joined(kiosk, doctor), { type: 'trackAdded', payload: track('p-kiosk', 'camera', 'cam') });
    s = reduceRoom(s, { type: 'peerLeft', payload: { peerId: 'p-kiosk', reason: 'dropped' } });
    expect(s.participants.map((p) => [p.peerId, p.dropped])).toEqual([
      ['p-kiosk', true],
      ['p-doc', false],
    ]);
    expect(s.participants[0]?.tracks).toEqual({});
    s = reduceRoom(s, { type: 'activeSpeaker', payload: { peerId: 'p-doc' } });
    expect(s.participants[0]?.dropped).toBe(true); // other updates keep it
    s = reduceRoom(s, { type: 'peerJoined', payload: { ...kiosk, peerId: 'p-kiosk-2' } });
    expect(s.participants.map((p) => [p.peerId, p.dropped])).toEqual([
      ['p-kiosk-2', false],
      ['p-doc', false],
    ]);
  });

  it('ignores tracks of unknown peers and unknown consumers', () => {
    const s = run(joined(kiosk));
    expect(reduceRoom(s, { type: 'trackAdded', payload: track('nobody', 'camera', 'x') })).toBe(s);
    expect(reduceRoom(s, { type: 'trackRemoved', payload: { consumerId: 'x' } })).toBe(s);
  });

  it('marks the active speaker and clears it when they leave', () => {
    let s = run(joined(kiosk, doctor), { type: 'activeSpeaker', payload: { peerId: 'p-doc' } });
    expect(s.participants.map((p) => p.speaking)).toEqual([false, true]);
    s = reduceRoom(s, { type: 'peerLeft', payload: { peerId: 'p-doc', reason: 'left' } });
    expect(s.activeSpeakerId).toBeNull();
  });
});

describe('room store: reconnection, quality, local media, errors', () => {
  it('a media reset drops every remote track but keeps the participants; a rejoin replaces the list', () => {
    let s = run(joined(kiosk), { type: 'trackAdded', payload: track('p-kiosk', 'camera', 'cam') }, { type: 'quality', payload: { quality: 'good' } });
    s = reduceRoom(s, { type: 'connection', payload: { state: 'reconnecting', reason: 'network' } });
    s = reduceRoom(s, { type: 'mediaReset', payload: {} });
    expect(s.participants[0]?.tracks).toEqual({});
    expect(s.quality).toBe('unknown');
    expect(s.connection).toEqual({ state: 'reconnecting', reason: 'network' });
    s = run(joined(kiosk, doctor), { type: 'connection', payload: { state: 'connected', reason: null } });
    expect(s.participants).toHaveLength(2);
    expect(s.connection.state).toBe('connected');
  });

  it('keeps the local media state and media errors until the source works again', () => {
    const local = { ...INITIAL_ROOM_SNAPSHOT.local, microphone: { on: true, pending: false, track: fakeTrack('audio') }, audioOnly: true };
    let s = run(
      { type: 'local', payload: local },
      { type: 'mediaError', payload: { kind: 'PermissionDenied', source: 'camera', hintKey: 'room.mediaErrors.permissionDenied', detail: 'NotAllowedError' } },
    );
    expect(s.local.microphone.on).toBe(true);
    expect(s.local.audioOnly).toBe(true);
    expect(s.mediaErrors.camera?.kind).toBe('PermissionDenied');
    s = reduceRoom(s, { type: 'mediaErrorCleared', payload: { source: 'camera' } });
    expect(s.mediaErrors).toEqual({});
  });

  it('records why the room ended', () => {
    const s = run({ type: 'connection', payload: { state: 'failed', reason: 'forbidden' } }, { type: 'ended', payload: { reason: 'forbidden' } });
    expect(s.ended).toEqual({ reason: 'forbidden' });
    expect(s.connection.state).toBe('failed');
  });
});

describe('createRoomStore', () => {
  it('follows an event source, notifies subscribers, and keeps the snapshot stable between changes', () => {
    const source = { events: new Emitter<RoomEvents>() };
    const store = createRoomStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const disconnect = store.connect(source);
    const before = store.getSnapshot();
    expect(store.getSnapshot()).toBe(before);

    source.events.emit('joined', { selfPeerId: 'me', peers: [kiosk] });
    source.events.emit('activeSpeaker', { peerId: 'p-kiosk' });
    expect(store.getSnapshot().participants[0]?.speaking).toBe(true);
    expect(listener).toHaveBeenCalledTimes(2);

    disconnect();
    source.events.emit('peerLeft', { peerId: 'p-kiosk', reason: 'left' });
    expect(store.getSnapshot().participants).toHaveLength(1);
  });

  it('connecting to a new client starts from a clean state', () => {
    const store = createRoomStore();
    const first = { events: new Emitter<RoomEvents>() };
    store.connect(first);
    first.events.emit('joined', { selfPeerId: 'me', peers: [kiosk] });
    store.connect({ events: new Emitter<RoomEvents>() });
    expect(store.getSnapshot()).toBe(INITIAL_ROOM_SNAPSHOT);
  });

  it('dismisses a media error', () => {
    const store = createRoomStore();
    store.dispatch({ type: 'mediaError', payload: { kind: 'NotFound', source: 'microphone', hintKey: 'room.mediaErrors.notFound', detail: '' } });
    store.dismissMediaError('microphone');
    expect(store.getSnapshot().mediaErrors).toEqual({});
  });
});
