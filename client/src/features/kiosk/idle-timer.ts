import type { KioskStep } from './kiosk-flow';

/**
 * A check-in abandoned halfway goes back to the start by itself, after a visible countdown
 * ("还在吗？ N 秒后返回首页" with 继续). Plain logic: the hook (useIdleReset) feeds it the clock.
 */
export interface IdleSettings {
  /** Quiet time before the question appears. */
  idleMs: number;
  /** How long the question stays before the reset. */
  warnMs: number;
}

export const KIOSK_IDLE: IdleSettings = { idleMs: 60_000, warnMs: 20_000 };

export type IdlePhase = { phase: 'active' } | { phase: 'warning'; secondsLeft: number } | { phase: 'expired' };

export function idlePhase(lastActivityMs: number, nowMs: number, s: IdleSettings): IdlePhase {
  const quiet = Math.max(0, nowMs - lastActivityMs);
  if (quiet < s.idleMs) return { phase: 'active' };
  const left = s.idleMs + s.warnMs - quiet;
  if (left <= 0) return { phase: 'expired' };
  return { phase: 'warning', secondsLeft: Math.ceil(left / 1000) };
}

/**
 * Which screens reset when nobody touches them: a check-in under way (something typed), consent and
 * the device check. Waiting and the video visit never do (the patient waits without touching); the
 * summary has its own countdown.
 */
export function idleResetApplies(step: KioskStep, checkInDirty: boolean): boolean {
  if (step === 'checkin') return checkInDirty;
  return step === 'consent' || step === 'device-check';
}
