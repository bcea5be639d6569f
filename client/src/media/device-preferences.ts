/** The camera and microphone the user picked, remembered in localStorage across consultations. */
export interface DevicePreferences {
  audioinput: string | null;
  videoinput: string | null;
}

export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const DEVICE_PREFERENCE_KEYS: Readonly<Record<keyof DevicePreferences, string>> = {
  audioinput: 'cloudclinic.media.audioinput',
  videoinput: 'cloudclinic.media.videoinput',
};

function read(storage: PreferenceStorage | null, key: string): string | null {
  try {
    const value = storage?.getItem(key);
    return value && value.length <= 256 ? value : null;
  } catch {
    return null;
  }
}

export function loadDevicePreferences(storage: PreferenceStorage | null): DevicePreferences {
  return { audioinput: read(storage, DEVICE_PREFERENCE_KEYS.audioinput), videoinput: read(storage, DEVICE_PREFERENCE_KEYS.videoinput) };
}

/** null forgets the choice (back to the browser default). */
export function saveDevicePreference(storage: PreferenceStorage | null, kind: keyof DevicePreferences, deviceId: string | null): void {
  try {
    if (deviceId) storage?.setItem(DEVICE_PREFERENCE_KEYS[kind], deviceId);
    else storage?.removeItem(DEVICE_PREFERENCE_KEYS[kind]);
  } catch {
    // Storage unavailable (private mode): the choice lasts for this page only.
  }
}

export function browserPreferenceStorage(): PreferenceStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
