import { HealthResponseSchema } from '@cloudclinic/shared';

/**
 * Plain logic of the kiosk's device & network check (the hooks in hooks/clinic/ drive the browser APIs).
 */

/** Camera / microphone failures, each with its own recovery hint on screen. */
export type MediaFailure = 'permission_denied' | 'not_found' | 'device_in_use' | 'other';

export function classifyMediaError(err: unknown): MediaFailure {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'permission_denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'not_found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'device_in_use';
    default:
      return 'other';
  }
}

/** Loudness 0…1 (RMS) of an AnalyserNode's byte time-domain samples (128 = silence). */
export function levelFromTimeDomain(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = ((samples[i] ?? 128) - 128) / 128;
    sum += v * v;
  }
  return Math.min(1, Math.sqrt(sum / samples.length) * 2);
}

/** A level above this means the microphone picks up sound (speech, or the fake device's beep). */
export const SOUND_DETECTED_LEVEL = 0.02;

export type ConnectionQuality = 'good' | 'fair' | 'poor';

/** Round-trip time classes for a video visit; satellite links (300 ms+) still work, just "fair". */
export function connectionQuality(rttMs: number): ConnectionQuality {
  if (rttMs < 300) return 'good';
  if (rttMs < 1000) return 'fair';
  return 'poor';
}

export type PingResult = { ok: true; rttMs: number; quality: ConnectionQuality } | { ok: false; reason: 'offline' | 'degraded' | 'timeout' };

export type PingFetch = (input: string, init: RequestInit) => Promise<Response>;

/** One round trip to `/api/health`: reachable and healthy (database and media server up), and how fast. */
export async function pingHealth(fetchFn: PingFetch, now: () => number = () => performance.now(), timeoutMs = 5000): Promise<PingResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const started = now();
  try {
    const response = await fetchFn('/api/health', { cache: 'no-store', signal: controller.signal, headers: { Accept: 'application/json' } });
    const rttMs = Math.max(0, Math.round(now() - started));
    const body = HealthResponseSchema.safeParse(await response.json().catch(() => null));
    // A visit needs the server and its media path; an outside system that is down (the PACS, the
    // HIS) degrades the server's health but must not keep a patient from seeing the doctor.
    if (!body.success || body.data.media.selfTest?.ok === false) return { ok: false, reason: 'degraded' };
    return { ok: true, rttMs, quality: connectionQuality(rttMs) };
  } catch {
    return { ok: false, reason: controller.signal.aborted ? 'timeout' : 'offline' };
  } finally {
    clearTimeout(timer);
  }
}
