import type { AudioOnlyCause, DeviceStatus, PeerDevices } from '@cloudclinic/shared';
import type { MediaErrorKind, MediaFailure } from './media-errors';

const STATUS_BY_KIND: Readonly<Record<MediaErrorKind, DeviceStatus>> = {
  PermissionDenied: 'denied',
  NotFound: 'missing',
  DeviceInUse: 'busy',
  Other: 'failed',
};

/** One device's state for the others: sending, else why not (the last failure wins over "off"). */
export function deviceStatus(sending: boolean, failure: MediaFailure | undefined): DeviceStatus {
  if (sending) return 'on';
  return failure ? STATUS_BY_KIND[failure.kind] : 'off';
}

/**
 * Tells the room what this browser's camera and microphone are doing, once per change and again
 * after every (re)join, so the others can tell "camera off" from "permission denied", "no camera" or
 * "audio only" (chosen, or fallen back to on a poor link).
 */
export class DeviceReport {
  private readonly failures = new Map<'camera' | 'microphone', MediaFailure>();
  private last: string | null = null;

  constructor(
    private readonly read: () => { camera: boolean; microphone: boolean; audioOnly: AudioOnlyCause | null },
    private readonly send: (devices: PeerDevices) => Promise<unknown>,
  ) {}

  failed(failure: MediaFailure): void {
    if (failure.source === 'camera' || failure.source === 'microphone') this.failures.set(failure.source, failure);
  }

  cleared(source: string): void {
    if (source === 'camera' || source === 'microphone') this.failures.delete(source);
  }

  current(): PeerDevices {
    const sending = this.read();
    const devices: PeerDevices = { camera: deviceStatus(sending.camera, this.failures.get('camera')), microphone: deviceStatus(sending.microphone, this.failures.get('microphone')) };
    return sending.audioOnly ? { ...devices, audioOnly: sending.audioOnly } : devices;
  }

  /** Sends the state if it changed since the last send (`force`: a new join, the server forgot it). */
  async sync(force = false): Promise<void> {
    const devices = this.current();
    const key = `${devices.camera}/${devices.microphone}/${devices.audioOnly ?? ''}`;
    if (!force && key === this.last) return;
    this.last = key;
    try {
      await this.send(devices);
    } catch {
      this.last = null; // not delivered: the next change or join sends it again
    }
  }
}
