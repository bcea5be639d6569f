import { describe, expect, it } from 'vitest';
import { loadDevicePreferences, saveDevicePreference, type PreferenceStorage } from './device-preferences';

function memoryStorage(): PreferenceStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('device preferences', () => {
  it('remembers and forgets the chosen devices', () => {
    const storage = memoryStorage();
    expect(loadDevicePreferences(storage)).toEqual({ audioinput: null, videoinput: null });
    saveDevicePreference(storage, 'videoinput', 'cam-2');
    saveDevicePreference(storage, 'audioinput', 'mic-1');
    expect(loadDevicePreferences(storage)).toEqual({ audioinput: 'mic-1', videoinput: 'cam-2' });
    saveDevicePreference(storage, 'videoinput', null);
    expect(loadDevicePreferences(storage).videoinput).toBeNull();
  });

  it('survives missing or failing storage', () => {
    const broken: PreferenceStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    expect(loadDevicePreferences(null)).toEqual({ audioinput: null, videoinput: null });
    expect(loadDevicePreferences(broken)).toEqual({ audioinput: null, videoinput: null });
    expect(() => saveDevicePreference(broken, 'audioinput', 'x')).not.toThrow();
  });
});
