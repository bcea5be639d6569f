import type { AudioOnlyCause, MediaSource } from '@cloudclinic/shared';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { holdActivity } from '../../state/activity-hold';
import { browserPreferenceStorage, loadDevicePreferences } from '../../media/device-preferences';
import type { MediaProfile } from '../../media/capture';
import { RoomClient, type DeviceKind } from '../../media/room-client';
import { RoomDataHub } from '../../media/room-data-hub';
import { createRoomStore, type RoomSnapshot } from '../../state/room-store';
import { claimPreconnected, sessionTokens } from './room-preconnect';
import { roomIdOf, type RoomTarget } from '../../media/room-target';

export interface RoomActions {
  setMicEnabled(enabled: boolean): void;
  setCameraEnabled(enabled: boolean): void;
  startScreenShare(): void;
  stopScreenShare(): void;
  /** A second camera (document camera, dermatoscope…); null stops it. */
  publishSecondCamera(deviceId: string | null): void;
  /** `cause` (default `chosen`) tells the others why no video comes: a choice or a poor link. */
  setAudioOnly(audioOnly: boolean, cause?: AudioOnlyCause): void;
  switchDevice(kind: DeviceKind, deviceId: string | null): void;
  setPreferredLayers(consumerId: string, spatialLayer: number): void;
  /** Front or rear camera (phones). */
  setFacingMode(facingMode: 'user' | 'environment'): void;
  dismissMediaError(source: MediaSource): void;
  /** Try to reconnect now (after `failed`). */
  retry(): void;
  leave(): void;
}

export interface UseRoom {
  state: RoomSnapshot;
  actions: RoomActions;
  /** Data channels (send / receive) and transport stats, stable for the room's life. */
  data: RoomDataHub;
}

export interface UseRoomOptions {
  /** What to send on arrival (default: microphone and camera). */
  startWith?: { microphone?: boolean; camera?: boolean };
  /** `field`: low-bandwidth encodings (ships, ambulances). */
  profile?: MediaProfile;
  /** Camera direction when no device is chosen (`environment`: rear). */
  facingMode?: 'user' | 'environment';
}

/**
 * Joins the room (a consultation's or an MDT sitting's) on mount and leaves it on unmount. The state follows the
 * `RoomClient`'s events (see `state/room-store.ts`); actions are stable for the component's life.
 */
export function useRoom(target: RoomTarget, options: UseRoomOptions = {}): UseRoom {
  const kind = 'consultationId' in target ? 'consultation' : 'mdt';
  const roomId = roomIdOf(target);
  const store = useMemo(() => createRoomStore(), []);
  const clientRef = useRef<RoomClient | null>(null);
  const startMic = options.startWith?.microphone;
  const startCamera = options.startWith?.camera;
  const profile = options.profile;
  const facingMode = options.facingMode;
  const data = useMemo(() => new RoomDataHub(), []);

  useEffect(() => {
    const client = new RoomClient({
      target: kind === 'consultation' ? { consultationId: roomId } : { mdtMeetingId: roomId },
      tokens: sessionTokens,
      signaling: kind === 'consultation' ? claimPreconnected(roomId) : null,
      devices: loadDevicePreferences(browserPreferenceStorage()),
      startWith: { microphone: startMic ?? true, camera: startCamera ?? true },
      ...(profile ? { profile } : {}),
      ...(facingMode ? { facingMode } : {}),
    });
    const disconnect = store.connect(client);
    data.attach(client);
    // People talk in a consultation without touching the keyboard: keep the session alive meanwhile.
    const releaseActivity = holdActivity();
    clientRef.current = client;
    client.join().catch((err: unknown) => console.warn('[room] join failed', err));
    return () => {
      client.leave();
      data.detach();
      releaseActivity();
      disconnect();
      if (clientRef.current === client) clientRef.current = null;
    };
    // facingMode is the initial direction (constant per page); later turns go through actions.setFacingMode.
  }, [kind, roomId, store, startMic, startCamera, profile, facingMode, data]);

  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);

  const actions = useMemo<RoomActions>(() => {
    const run = (fn: (client: RoomClient) => Promise<void> | void) => {
      const client = clientRef.current;
      if (!client) return;
      Promise.resolve(fn(client)).catch((err: unknown) => console.warn('[room] action failed', err));
    };
    return {
      setMicEnabled: (enabled) => run((c) => c.setMicEnabled(enabled)),
      setCameraEnabled: (enabled) => run((c) => c.setCameraEnabled(enabled)),
      startScreenShare: () => run((c) => c.startScreenShare()),
      stopScreenShare: () => run((c) => c.stopScreenShare()),
      publishSecondCamera: (deviceId) => run((c) => c.publishSecondCamera(deviceId)),
      setAudioOnly: (audioOnly, cause) => run((c) => c.setAudioOnly(audioOnly, cause)),
      switchDevice: (kind, deviceId) => run((c) => c.switchDevice(kind, deviceId)),
      setPreferredLayers: (consumerId, layer) => run((c) => c.setPreferredLayers(consumerId, layer)),
      setFacingMode: (facing) => run((c) => c.setFacingMode(facing)),
      dismissMediaError: (source) => store.dismissMediaError(source),
      retry: () => run((c) => c.retry()),
      leave: () => run((c) => c.leave()),
    };
  }, [store]);

  return { state, actions, data };
}
