import { z } from 'zod';
import type { KioskResumePoint } from './kiosk-flow';

export const KIOSK_STORAGE_KEY = 'cloudclinic.kiosk.current';

const ResumePointSchema = z.object({ appointmentId: z.string().min(1).max(64), deviceChecked: z.boolean() });

export type KioskStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The current appointment of this kiosk tab (sessionStorage), so a reload resumes the flow. */
export function readResumePoint(storage: KioskStorage | null): KioskResumePoint | null {
  try {
    const raw = storage?.getItem(KIOSK_STORAGE_KEY);
    if (!raw) return null;
    const parsed = ResumePointSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
    storage?.removeItem(KIOSK_STORAGE_KEY);
  } catch {
    // Corrupt or unavailable storage: start at check-in.
  }
  return null;
}

export function writeResumePoint(storage: KioskStorage | null, point: KioskResumePoint | null): void {
  try {
    if (point) storage?.setItem(KIOSK_STORAGE_KEY, JSON.stringify(point));
    else storage?.removeItem(KIOSK_STORAGE_KEY);
  } catch {
    // Quota / privacy mode: the flow works, it just won't survive a reload.
  }
}

export function browserSessionStorage(): KioskStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}
