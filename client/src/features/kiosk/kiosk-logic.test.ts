import { describe, expect, it } from 'vitest';
import { idlePhase, idleResetApplies, KIOSK_IDLE } from './idle-timer';
import { estimateWait } from './waiting-estimate';

describe('idle reset', () => {
  const s = { idleMs: 60_000, warnMs: 20_000 };
  it('stays quiet while the patient is active, then counts down, then expires', () => {
    expect(idlePhase(0, 59_999, s)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 60_000, s)).toEqual({ phase: 'warning', secondsLeft: 20 });
    expect(idlePhase(0, 70_500, s)).toEqual({ phase: 'warning', secondsLeft: 10 });
    expect(idlePhase(0, 79_999, s)).toEqual({ phase: 'warning', secondsLeft: 1 });
    expect(idlePhase(0, 80_000, s)).toEqual({ phase: 'expired' });
  });
  it('a touch during the countdown starts it over', () => {
    expect(idlePhase(70_000, 75_000, s)).toEqual({ phase: 'active' });
  });
  it('resets a check-in under way, consent and the device check; never waiting or the visit', () => {
    expect(idleResetApplies('checkin', false)).toBe(false);
    expect(idleResetApplies('checkin', true)).toBe(true);
    expect(idleResetApplies('consent', false)).toBe(true);
    expect(idleResetApplies('device-check', false)).toBe(true);
    expect(idleResetApplies('waiting', true)).toBe(false);
    expect(idleResetApplies('in-room', true)).toBe(false);
    expect(idleResetApplies('summary', true)).toBe(false);
  });
  it('gives an elderly patient a minute before asking', () => {
    expect(KIOSK_IDLE.idleMs).toBeGreaterThanOrEqual(45_000);
    expect(KIOSK_IDLE.warnMs).toBeGreaterThanOrEqual(15_000);
  });
});

describe('waiting estimate', () => {
  const now = Date.parse('2026-12-06T10:00:00Z');
  const started = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();

  it('says 即将 only when next and the expert is free', () => {
    expect(estimateWait({ position: 1, typicalVisitMinutes: 10, currentVisitStartedAt: null, nowMs: now })).toEqual({ kind: 'soon' });
    expect(estimateWait({ position: 1, typicalVisitMinutes: 10, currentVisitStartedAt: started(3), nowMs: now })).toEqual({ kind: 'minutes', minutes: 7 });
  });
  it('never says 0 minutes while the expert is still with someone, even past the usual length', () => {
    expect(estimateWait({ position: 1, typicalVisitMinutes: 10, currentVisitStartedAt: started(25), nowMs: now })).toEqual({ kind: 'minutes', minutes: 1 });
  });
  it('adds a usual visit for every patient ahead', () => {
    expect(estimateWait({ position: 3, typicalVisitMinutes: 10, currentVisitStartedAt: started(4), nowMs: now })).toEqual({ kind: 'minutes', minutes: 26 });
    expect(estimateWait({ position: 3, typicalVisitMinutes: 10, currentVisitStartedAt: null, nowMs: now })).toEqual({ kind: 'minutes', minutes: 20 });
  });
  it('shows nothing when the patient is not in line', () => {
    expect(estimateWait({ position: null, typicalVisitMinutes: 10, currentVisitStartedAt: null, nowMs: now })).toEqual({ kind: 'none' });
  });
});
