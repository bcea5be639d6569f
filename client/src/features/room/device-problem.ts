import type { DeviceStatus } from '@cloudclinic/shared';

/** A device that is not sending for a reason other than being turned off (null: on, off or unknown). */
export function deviceProblem(status: DeviceStatus | undefined): Exclude<DeviceStatus, 'on' | 'off'> | null {
  return status === undefined || status === 'on' || status === 'off' ? null : status;
}
