/** A video input as `enumerateDevices` lists it (only what is needed here). */
export interface VideoInput {
  deviceId: string;
}

/**
 * The device to publish as the second video source (e.g. an ultrasound capture card) when the
 * control is switched on: the one asked for if still plugged in, else the first camera that is not
 * the main one, else the main camera itself (a second view of it). Null: no camera is known.
 */
export function pickSecondSource(cameras: readonly VideoInput[], mainDeviceId: string | null | undefined, preferred: string | null = null): string | null {
  const ids = cameras.map((c) => c.deviceId).filter((id) => id !== '');
  if (preferred && ids.includes(preferred)) return preferred;
  return ids.find((id) => id !== mainDeviceId) ?? ids[0] ?? null;
}

/** The peers whose marks on this user's second source are shown: the experts present. */
export function expertPeerIds(participants: readonly { peerId: string; participantRole: string }[]): string[] {
  return participants.filter((p) => p.participantRole === 'expert').map((p) => p.peerId);
}
