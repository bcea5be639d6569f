/**
 * Opening local devices. Each function returns one live track or throws the browser's error
 * (classify it with `toMediaFailure`).
 */

const CAMERA_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  frameRate: { ideal: 24, max: 30 },
};

const MIC_CONSTRAINTS: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

function withDevice(base: MediaTrackConstraints, deviceId: string | null | undefined, exact: boolean): MediaTrackConstraints {
  if (!deviceId) return base;
  return { ...base, deviceId: exact ? { exact: deviceId } : { ideal: deviceId } };
}

async function firstTrack(stream: MediaStream, kind: 'audio' | 'video'): Promise<MediaStreamTrack> {
  const track = kind === 'audio' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
  if (!track) {
    for (const t of stream.getTracks()) t.stop();
    throw new DOMException(`No ${kind} track`, 'NotFoundError');
  }
  return track;
}

/** The microphone; a remembered device that is gone falls back to the default one. */
export async function captureMicrophone(deviceId?: string | null): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: withDevice(MIC_CONSTRAINTS, deviceId, false) });
  return firstTrack(stream, 'audio');
}

/** Field links (5G at best, satellite at worst): 360p at 15 fps is what the encoder will be allowed to send. */
const FIELD_CAMERA_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { ideal: 15, max: 15 },
};

export interface CameraOptions {
  /** `environment`: the rear camera (a field doctor shows the patient, not themselves). Ignored when a device is chosen. */
  facingMode?: 'user' | 'environment' | null;
  profile?: MediaProfile;
}

/** `field`: the low-bandwidth profile for ships and ambulances (see encodings.ts). */
export type MediaProfile = 'standard' | 'field';

/** A camera. `exact` for a second camera, which must not silently fall back to the first one. */
export async function captureCamera(deviceId?: string | null, exact = false, opts: CameraOptions = {}): Promise<MediaStreamTrack> {
  const base = opts.profile === 'field' ? FIELD_CAMERA_CONSTRAINTS : CAMERA_CONSTRAINTS;
  const facing = !deviceId && opts.facingMode ? { facingMode: { ideal: opts.facingMode } } : {};
  const stream = await navigator.mediaDevices.getUserMedia({ video: withDevice({ ...base, ...facing }, deviceId, exact) });
  const track = await firstTrack(stream, 'video');
  track.contentHint = 'motion';
  return track;
}

/** A screen, window or tab chosen by the user (cancelling the picker rejects with NotAllowedError). */
export async function captureScreen(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 10, max: 15 } }, audio: false });
  const track = await firstTrack(stream, 'video');
  track.contentHint = 'detail';
  return track;
}
