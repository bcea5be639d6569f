import { describe, expect, it } from 'vitest';
import { LinkGuard, type LinkGuardOptions } from './link-guard';
import type { LinkSample } from './link-stats';

const OPTS: LinkGuardOptions = {
  collapse: { rttMs: 1200, lossRatio: 0.12, minOutgoingKbps: 120 },
  collapseSamples: 3,
  recover: { rttMs: 600, lossRatio: 0.02 },
  recoverSamples: 5,
  holdMs: 10_000,
  maxHoldMs: 60_000,
};
const GOOD: LinkSample = { rttMs: 80, lossRatio: 0.005, availableOutgoingKbps: 900 };
const SATELLITE: LinkSample = { rttMs: 650, lossRatio: 0.03, availableOutgoingKbps: 480 };
const COLLAPSED: LinkSample = { rttMs: 900, lossRatio: 0.25, availableOutgoingKbps: 60 };
/** Audio-only: the estimate stays low, RTT and loss are what tell recovery. */
const AUDIO_ONLY_GOOD: LinkSample = { rttMs: 90, lossRatio: 0.01, availableOutgoingKbps: 40 };

function run(guard: LinkGuard, samples: LinkSample[], start: number, stepMs = 1000): { modes: string[]; end: number } {
  const modes: string[] = [];
  let t = start;
  for (const s of samples) {
    modes.push(guard.feed(s, t));
    t += stepMs;
  }
  return { modes, end: t };
}

describe('LinkGuard (audio-only fall back with hysteresis)', () => {
  it('keeps video on a slow but working satellite link', () => {
    const g = new LinkGuard(OPTS);
    expect(run(g, Array(30).fill(SATELLITE), 0).modes.every((m) => m === 'video')).toBe(true);
  });

  it('stays on audio while the link stays marginal (no flapping), however long', () => {
    const g = new LinkGuard(OPTS);
    const down = run(g, [COLLAPSED, COLLAPSED, COLLAPSED], 0);
    expect(run(g, Array(120).fill({ ...SATELLITE, availableOutgoingKbps: 40 }), down.end).modes.every((m) => m === 'audio')).toBe(true);
  });

  it('falls back only after several bad samples in a row, not on one spike', () => {
    const g = new LinkGuard(OPTS);
    expect(run(g, [COLLAPSED, COLLAPSED, GOOD, COLLAPSED, GOOD], 0).modes).toEqual(['video', 'video', 'video', 'video', 'video']);
    expect(run(g, [COLLAPSED, COLLAPSED, COLLAPSED], 10_000).modes).toEqual(['video', 'video', 'audio']);
  });

  it('recovers after a run of good samples and the hold time, ignoring the low audio-only estimate', () => {
    const g = new LinkGuard(OPTS);
    const down = run(g, [COLLAPSED, COLLAPSED, COLLAPSED], 0);
    // Good for 5 samples but the 10 s hold is not over yet.
    const early = run(g, Array(5).fill(AUDIO_ONLY_GOOD), down.end);
    expect(early.modes.every((m) => m === 'audio')).toBe(true);
    const later = run(g, Array(6).fill(AUDIO_ONLY_GOOD), early.end);
    expect(later.modes).toContain('video');
  });

  it('does not recover on unknown stats, and a bad sample restarts the count', () => {
    const g = new LinkGuard(OPTS);
    const down = run(g, [COLLAPSED, COLLAPSED, COLLAPSED], 0);
    const unknown = run(g, Array(20).fill({ rttMs: null, lossRatio: null, availableOutgoingKbps: null }), down.end);
    expect(unknown.modes.every((m) => m === 'audio')).toBe(true);
    const mixed = run(g, [GOOD, GOOD, GOOD, GOOD, COLLAPSED, GOOD, GOOD, GOOD, GOOD], unknown.end);
    expect(mixed.modes.every((m) => m === 'audio')).toBe(true);
    expect(run(g, [GOOD], mixed.end).modes).toEqual(['video']);
  });

  it('makes a flapping link wait longer before each recovery', () => {
    const g = new LinkGuard(OPTS);
    let t = run(g, [COLLAPSED, COLLAPSED, COLLAPSED], 0).end;
    t = run(g, Array(10).fill(GOOD), t).end; // back to video at ~10 s
    expect(g.snapshot.mode).toBe('video');
    t = run(g, [COLLAPSED, COLLAPSED, COLLAPSED], t).end; // collapses again right away
    expect(g.snapshot).toMatchObject({ mode: 'audio', holdMs: 20_000 });
    const wait = run(g, Array(15).fill(GOOD), t);
    expect(wait.modes.every((m) => m === 'audio')).toBe(true);
    expect(run(g, Array(6).fill(GOOD), wait.end).modes).toContain('video');
  });
});
