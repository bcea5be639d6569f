import type { LinkSample } from './link-stats';

export type LinkMode = 'video' | 'audio';

export interface LinkGuardOptions {
  /** Any of these, `collapseSamples` times in a row: the link has collapsed → audio only. */
  collapse: { rttMs: number; lossRatio: number; minOutgoingKbps: number };
  collapseSamples: number;
  /** All of these, `recoverSamples` times in a row, and `holdMs` since the fall back → video again. */
  recover: { rttMs: number; lossRatio: number };
  recoverSamples: number;
  holdMs: number;
  /** A fall back soon after a recovery doubles the hold (up to this), so a marginal link does not flap. */
  maxHoldMs: number;
}

/**
 * Defaults for a consultation over 5G / satellite. A link whose sender estimate falls under
 * 120 kbps (Chrome's estimate does, with a few % loss at satellite RTTs), that loses > 12 % or
 * answers after more than 1.2 s has collapsed for video: the voice must go through (Opus with FEC
 * lives with 5 % loss easily; video does not). Coming back asks for a clean link (< 2 % loss,
 * < 600 ms RTT), since in audio-only the bandwidth cannot be measured — a marginal link stays on
 * audio rather than trying video again and again.
 */
export const DEFAULT_LINK_GUARD: LinkGuardOptions = {
  collapse: { rttMs: 1200, lossRatio: 0.12, minOutgoingKbps: 120 },
  collapseSamples: 3,
  recover: { rttMs: 600, lossRatio: 0.02 },
  recoverSamples: 5,
  holdMs: 10_000,
  maxHoldMs: 120_000,
};

export interface LinkGuardState {
  mode: LinkMode;
  /** Consecutive samples pointing the other way. */
  streak: number;
  /** Current hold before a recovery is allowed (grows when the link flaps). */
  holdMs: number;
}

/**
 * Automatic fall back to audio-only and back, with hysteresis: falling back needs a few bad samples
 * in a row (one lost RTCP report is not a collapse); coming back needs clearly good samples for
 * longer and a minimum time in audio-only. The recovery test ignores the bandwidth estimate:
 * with only audio flowing the sender's estimate never ramps up, so it cannot show recovery.
 */
export class LinkGuard {
  private state: LinkGuardState;
  private lastFallbackAt = -Infinity;
  private lastRecoveryAt = -Infinity;

  constructor(private readonly opts: LinkGuardOptions = DEFAULT_LINK_GUARD) {
    this.state = { mode: 'video', streak: 0, holdMs: opts.holdMs };
  }

  get snapshot(): LinkGuardState {
    return this.state;
  }

  /** Feeds one sample; returns the mode to be in now. */
  feed(s: LinkSample, now: number): LinkMode {
    if (this.state.mode === 'video') {
      if (!this.collapsed(s)) return this.set({ streak: 0 });
      const streak = this.state.streak + 1;
      if (streak < this.opts.collapseSamples) return this.set({ streak });
      // Flapping: falling back again soon after recovering makes the next recovery wait longer.
      const flapping = now - this.lastRecoveryAt < this.state.holdMs * 2;
      const holdMs = flapping ? Math.min(this.opts.maxHoldMs, this.state.holdMs * 2) : this.opts.holdMs;
      this.lastFallbackAt = now;
      return this.set({ mode: 'audio', streak: 0, holdMs });
    }
    if (!this.healthy(s)) return this.set({ streak: 0 });
    const streak = this.state.streak + 1;
    if (streak < this.opts.recoverSamples || now - this.lastFallbackAt < this.state.holdMs) return this.set({ streak });
    this.lastRecoveryAt = now;
    return this.set({ mode: 'video', streak: 0 });
  }

  private collapsed(s: LinkSample): boolean {
    const c = this.opts.collapse;
    return (s.rttMs !== null && s.rttMs > c.rttMs) || (s.lossRatio !== null && s.lossRatio > c.lossRatio) || (s.availableOutgoingKbps !== null && s.availableOutgoingKbps < c.minOutgoingKbps);
  }

  private healthy(s: LinkSample): boolean {
    const r = this.opts.recover;
    // Unknown is not healthy: after a reconnect, wait for measurements.
    return s.rttMs !== null && s.rttMs < r.rttMs && s.lossRatio !== null && s.lossRatio < r.lossRatio;
  }

  private set(patch: Partial<LinkGuardState>): LinkMode {
    this.state = { ...this.state, ...patch };
    return this.state.mode;
  }
}
