import { useCallback, useEffect, useState } from 'react';
import { browserPreferenceStorage, loadDevicePreferences, saveDevicePreference, type DevicePreferences } from '../../media/device-preferences';

export interface UseMediaDevices {
  microphones: MediaDeviceInfo[];
  cameras: MediaDeviceInfo[];
  /** The remembered choice per kind (null: browser default). */
  selected: DevicePreferences;
  /** Remembers the choice (localStorage); switching the live track is the room's job. */
  select(kind: keyof DevicePreferences, deviceId: string | null): void;
  /** Re-reads the list (labels appear once a device was opened). */
  refresh(): void;
}

/** The cameras and microphones of this computer, updated when devices are plugged in or out. */
export function useMediaDevices(): UseMediaDevices {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [selected, setSelected] = useState<DevicePreferences>(() => loadDevicePreferences(browserPreferenceStorage()));

  const refresh = useCallback(() => {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    navigator.mediaDevices
      .enumerateDevices()
      .then(setDevices)
      .catch(() => setDevices([]));
  }, []);

  useEffect(() => {
    refresh();
    const media = navigator.mediaDevices;
    media?.addEventListener('devicechange', refresh);
    return () => media?.removeEventListener('devicechange', refresh);
  }, [refresh]);

  const select = useCallback((kind: keyof DevicePreferences, deviceId: string | null) => {
    saveDevicePreference(browserPreferenceStorage(), kind, deviceId);
    setSelected((prev) => ({ ...prev, [kind]: deviceId }));
  }, []);

  return {
    microphones: devices.filter((d) => d.kind === 'audioinput' && d.deviceId),
    cameras: devices.filter((d) => d.kind === 'videoinput' && d.deviceId),
    selected,
    select,
    refresh,
  };
}
