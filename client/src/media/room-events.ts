import type { MediaSource, PeerDevices, PeerInfo } from '@cloudclinic/shared';
import type { ConnectionReason, ConnectionState } from './connection-state';
import type { Quality } from './connection-quality';
import type { FlowState } from './media-flow';
import type { MediaFailure } from './media-errors';

/** A participant as announced by the server (who they are; their media arrives as tracks). */
export type PeerIdentity = Omit<PeerInfo, 'producers'>;

/** One remote track (a consumer of another participant's producer). */
export interface RemoteTrack {
  consumerId: string;
  peerId: string;
  source: MediaSource;
  kind: 'audio' | 'video';
  track: MediaStreamTrack;
  /** The sender paused it (muted microphone). */
  producerPaused: boolean;
}

export interface LocalSourceState {
  /** Being sent: the track exists (and, for the microphone, is not muted). */
  on: boolean;
  /** A toggle is in progress: the control is disabled meanwhile. */
  pending: boolean;
  track: MediaStreamTrack | null;
}

export interface LocalMediaState {
  microphone: LocalSourceState;
  camera: LocalSourceState;
  screen: LocalSourceState;
  camera2: LocalSourceState & { deviceId: string | null };
  /** No video sent or received (weak island links). */
  audioOnly: boolean;
  /** Chosen input devices (null: the browser default). */
  devices: { audioinput: string | null; videoinput: string | null };
  /** Which way the camera faces (rear for field doctors); absent or null: the browser's choice. */
  facingMode?: 'user' | 'environment' | null;
}

/** Why the room was left for good. */
export type RoomEndReason = Extract<ConnectionReason, 'left' | 'replaced' | 'ended' | 'forbidden' | 'not_found' | 'auth' | 'error'>;

/** Everything a `RoomClient` reports; `room-store` reduces these into the UI state. */
export interface RoomEvents {
  connection: { state: ConnectionState; reason: ConnectionReason | null };
  /** (Re)joined: the other participants present now; their tracks follow as `trackAdded`. */
  joined: { selfPeerId: string; peers: PeerIdentity[] };
  /** The media session went down (reconnecting): every remote track is gone. */
  mediaReset: Record<string, never>;
  peerJoined: PeerIdentity;
  /** `dropped`: the connection went; the tile stays as "reconnecting" until the same user is back. */
  peerLeft: { peerId: string; reason: 'left' | 'dropped' };
  /** What another participant's camera and microphone are doing (denied, missing, off…). */
  peerDevices: PeerDevices & { peerId: string };
  trackAdded: RemoteTrack;
  trackRemoved: { consumerId: string };
  trackPaused: { consumerId: string; paused: boolean };
  /** Whether a received track's media is really arriving (see `FlowState`). */
  trackFlow: { consumerId: string; flow: FlowState };
  trackLayers: { consumerId: string; spatialLayer: number | null };
  activeSpeaker: { peerId: string | null };
  quality: { quality: Quality };
  local: LocalMediaState;
  mediaError: MediaFailure;
  mediaErrorCleared: { source: MediaSource };
  /** A data-channel message from another participant (reserved for chat / annotations). */
  dataMessage: { peerId: string; label: string; data: string | ArrayBuffer };
  ended: { reason: RoomEndReason };
}
