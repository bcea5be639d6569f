import type { MediaSource } from '@cloudclinic/shared';
import type { ConnectionReason, ConnectionState } from '../media/connection-state';
import type { Quality } from '../media/connection-quality';
import type { EventOf } from '../media/emitter';
import type { FlowState } from '../media/media-flow';
import type { MediaFailure } from '../media/media-errors';
import type { LocalMediaState, PeerIdentity, RoomEndReason, RoomEvents } from '../media/room-events';

export type RoomEvent = EventOf<RoomEvents>;

export interface RemoteTrackState {
  consumerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  track: MediaStreamTrack;
  /** Paused by its sender (a muted microphone). */
  paused: boolean;
  spatialLayer: number | null;
  /** Whether its media is really arriving. */
  flow: FlowState;
}

export interface Participant extends PeerIdentity {
  tracks: Partial<Record<MediaSource, RemoteTrackState>>;
  /** The microphone is off or muted. */
  audioMuted: boolean;
  /** No camera video (closed or paused). */
  cameraOff: boolean;
  /** The dominant speaker right now. */
  speaking: boolean;
  /** Their connection went unexpectedly: the tile stays in place, "reconnecting", until they are back. */
  dropped: boolean;
}

export interface RoomSnapshot {
  connection: { state: ConnectionState; reason: ConnectionReason | null };
  /** Set once the room was left for good (by the user, the server, or a refused join). */
  ended: { reason: RoomEndReason } | null;
  selfPeerId: string | null;
  /** The other participants, in order of arrival. */
  participants: readonly Participant[];
  activeSpeakerId: string | null;
  quality: Quality;
  local: LocalMediaState;
  /** The latest camera / microphone / screen failure per source, until that source works again. */
  mediaErrors: Partial<Record<MediaSource, MediaFailure>>;
}

const OFF = { on: false, pending: false, track: null };

export const INITIAL_ROOM_SNAPSHOT: RoomSnapshot = {
  connection: { state: 'connecting', reason: null },
  ended: null,
  selfPeerId: null,
  participants: [],
  activeSpeakerId: null,
  quality: 'unknown',
  local: { microphone: OFF, camera: OFF, screen: OFF, camera2: { ...OFF, deviceId: null }, audioOnly: false, devices: { audioinput: null, videoinput: null } },
  mediaErrors: {},
};

function participant(identity: PeerIdentity & { dropped?: boolean }, tracks: Participant['tracks'], activeSpeakerId: string | null, dropped = identity.dropped ?? false): Participant {
  const mic = tracks.microphone;
  const camera = tracks.camera;
  return {
    ...identity,
    tracks,
    audioMuted: !mic || mic.paused,
    cameraOff: !camera || camera.paused,
    speaking: identity.peerId === activeSpeakerId,
    dropped,
  };
}

/** Rebuilds one participant's tracks (and the flags derived from them). */
function mapTracks(s: RoomSnapshot, fn: (p: Participant) => Participant['tracks'] | null): RoomSnapshot {
  let changed = false;
  const participants = s.participants.map((p) => {
    const tracks = fn(p);
    if (!tracks) return p;
    changed = true;
    return participant(p, tracks, s.activeSpeakerId);
  });
  return changed ? { ...s, participants } : s;
}

function withoutConsumer(tracks: Participant['tracks'], consumerId: string): Participant['tracks'] | null {
  const entry = Object.entries(tracks).find(([, t]) => t.consumerId === consumerId);
  if (!entry) return null;
  const { [entry[0] as MediaSource]: _removed, ...rest } = tracks;
  return rest;
}

function updateConsumer(tracks: Participant['tracks'], consumerId: string, patch: Partial<RemoteTrackState>): Participant['tracks'] | null {
  const entry = Object.entries(tracks).find(([, t]) => t.consumerId === consumerId);
  if (!entry) return null;
  return { ...tracks, [entry[0]]: { ...entry[1], ...patch } };
}

/** Pure reducer: the room state after one `RoomClient` event. */
export function reduceRoom(s: RoomSnapshot, event: RoomEvent): RoomSnapshot {
  switch (event.type) {
    case 'connection':
      return { ...s, connection: event.payload };
    case 'joined': {
      const { selfPeerId, peers } = event.payload;
      const known = new Set<string>();
      const participants = peers.filter((p) => !known.has(p.peerId) && known.add(p.peerId)).map((p) => participant(p, {}, null));
      return { ...s, selfPeerId, participants, activeSpeakerId: null };
    }
    case 'mediaReset':
      return { ...mapTracks(s, (p) => (Object.keys(p.tracks).length ? {} : null)), activeSpeakerId: null, quality: 'unknown' };
    case 'peerJoined': {
      const joined = participant(event.payload, {}, s.activeSpeakerId);
      // A dropped participant who is back takes their old place (no tile jumping around).
      const back = s.participants.findIndex((p) => p.dropped && p.userId === joined.userId);
      if (back >= 0) return { ...s, participants: s.participants.map((p, i) => (i === back ? joined : p)).filter((p) => p === joined || p.peerId !== joined.peerId) };
      const others = s.participants.filter((p) => p.peerId !== event.payload.peerId);
      return { ...s, participants: [...others, joined] };
    }
    case 'peerLeft': {
      const { peerId, reason } = event.payload;
      const participants =
        reason === 'dropped'
          ? s.participants.map((p) => (p.peerId === peerId ? participant(p, {}, null, true) : p))
          : s.participants.filter((p) => p.peerId !== peerId);
      return { ...s, participants, activeSpeakerId: s.activeSpeakerId === peerId ? null : s.activeSpeakerId };
    }
    case 'peerDevices': {
      const { peerId, ...devices } = event.payload;
      return { ...s, participants: s.participants.map((p) => (p.peerId === peerId ? { ...p, devices } : p)) };
    }
    case 'trackAdded': {
      const t = event.payload;
      const track: RemoteTrackState = { consumerId: t.consumerId, kind: t.kind, source: t.source, track: t.track, paused: t.producerPaused, spatialLayer: null, flow: 'connecting' };
      return mapTracks(s, (p) => (p.peerId === t.peerId ? { ...p.tracks, [t.source]: track } : null));
    }
    case 'trackRemoved':
      return mapTracks(s, (p) => withoutConsumer(p.tracks, event.payload.consumerId));
    case 'trackPaused':
      return mapTracks(s, (p) => updateConsumer(p.tracks, event.payload.consumerId, { paused: event.payload.paused }));
    case 'trackFlow':
      return mapTracks(s, (p) => updateConsumer(p.tracks, event.payload.consumerId, { flow: event.payload.flow }));
    case 'trackLayers':
      return mapTracks(s, (p) => updateConsumer(p.tracks, event.payload.consumerId, { spatialLayer: event.payload.spatialLayer }));
    case 'activeSpeaker': {
      const activeSpeakerId = event.payload.peerId;
      return { ...s, activeSpeakerId, participants: s.participants.map((p) => participant(p, p.tracks, activeSpeakerId)) };
    }
    case 'quality':
      return { ...s, quality: event.payload.quality };
    case 'local':
      return { ...s, local: event.payload };
    case 'mediaError':
      return { ...s, mediaErrors: { ...s.mediaErrors, [event.payload.source]: event.payload } };
    case 'mediaErrorCleared': {
      if (!s.mediaErrors[event.payload.source]) return s;
      const { [event.payload.source]: _cleared, ...rest } = s.mediaErrors;
      return { ...s, mediaErrors: rest };
    }
    case 'ended':
      return { ...s, ended: { reason: event.payload.reason } };
    case 'dataMessage':
      return s;
  }
}

/** Anything that reports room events (a `RoomClient`, or a test's emitter). */
export interface RoomEventSource {
  events: { onAny(listener: (event: RoomEvent) => void): () => void };
}

export interface RoomStore {
  /** Stable reference until the state changes (for `useSyncExternalStore`). */
  getSnapshot(): RoomSnapshot;
  subscribe(listener: () => void): () => void;
  dispatch(event: RoomEvent): void;
  /** Starts from the initial state and follows `source` until the returned function is called. */
  connect(source: RoomEventSource): () => void;
  dismissMediaError(source: MediaSource): void;
}

export function createRoomStore(): RoomStore {
  let snapshot = INITIAL_ROOM_SNAPSHOT;
  const listeners = new Set<() => void>();

  function set(next: RoomSnapshot): void {
    if (next === snapshot) return;
    snapshot = next;
    for (const listener of [...listeners]) listener();
  }

  const dispatch = (event: RoomEvent) => set(reduceRoom(snapshot, event));

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch,
    connect(source) {
      set(INITIAL_ROOM_SNAPSHOT);
      return source.events.onAny(dispatch);
    },
    dismissMediaError: (source) => dispatch({ type: 'mediaErrorCleared', payload: { source } }),
  };
}
