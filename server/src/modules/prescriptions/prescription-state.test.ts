import { describe, expect, it } from 'vitest';
import { computeQuantity } from '@cloudclinic/shared';
import { assertTransition, canTransition, validUntil } from './prescription-state';
import { drug } from './test-fixtures';

describe('prescription workflow', () => {
  it('allows draft → signed → under_review → approved → dispensed, and rejected → draft for a new version', () => {
    expect(canTransition('draft', 'signed')).toBe(true);
    expect(canTransition('signed', 'under_review')).toBe(true);
    expect(canTransition('under_review', 'approved')).toBe(true);
    expect(canTransition('under_review', 'rejected')).toBe(true);
    expect(canTransition('rejected', 'draft')).toBe(true);
    expect(canTransition('approved', 'dispensed')).toBe(true);
    expect(canTransition('approved', 'expired')).toBe(true);
  });

  it('refuses illegal transitions with 409 invalid_state', () => {
    expect(() => assertTransition('draft', 'approved')).toThrow(expect.objectContaining({ code: 'invalid_state', status: 409 }));
    expect(() => assertTransition('dispensed', 'approved')).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    expect(() => assertTransition('expired', 'dispensed')).toThrow();
    expect(() => assertTransition('signed', 'dispensed')).toThrow();
  });

  it('is valid to the end of the signing day in Shanghai, up to 3 days', () => {
    const signed = new Date('2026-11-23T15:30:00Z'); // 23:30 in Shanghai
    expect(validUntil(signed, 1).toISOString()).toBe('2026-11-23T15:59:59.999Z');
    expect(validUntil(signed, 3).toISOString()).toBe('2026-11-25T15:59:59.999Z');
    expect(validUntil(new Date('2026-11-23T16:30:00Z'), 1).toISOString()).toBe('2026-11-24T15:59:59.999Z');
  });
});

describe('quantity from dose, frequency and days', () => {
  it('rounds up to whole packages', () => {
    const amlo = drug('amlodipine-5mg-tab'); // 28 片/盒
    expect(computeQuantity({ dose: { value: 5, unit: 'mg' }, frequency: 'qd', days: 28 }, amlo)).toMatchObject({ ok: true, unitsPerDose: 1, packages: 1 });
    expect(computeQuantity({ dose: { value: 5, unit: 'mg' }, frequency: 'qd', days: 29 }, amlo)).toMatchObject({ packages: 2 });
    expect(computeQuantity({ dose: { value: 2.5, unit: 'mg' }, frequency: 'bid', days: 14 }, amlo)).toMatchObject({ unitsPerDose: 0.5, totalUnits: 14, packages: 1 });
    const amox = drug('amoxicillin-250mg-cap'); // 24 粒/盒
    expect(computeQuantity({ dose: { value: 500, unit: 'mg' }, frequency: 'tid', days: 7 }, amox)).toMatchObject({ unitsPerDose: 2, totalUnits: 42, packages: 2 });
  });

  it('counts st as one dose, qod and qw by occasions, prn as up to 3 a day', () => {
    const amox = drug('amoxicillin-250mg-cap');
    expect(computeQuantity({ dose: { value: 2, unit: '粒' }, frequency: 'st', days: 7 }, amox)).toMatchObject({ doses: 1, packages: 1 });
    expect(computeQuantity({ dose: { value: 1, unit: '片' }, frequency: 'qw', days: 28 }, drug('alendronate-70mg-tab'))).toMatchObject({ doses: 4, packages: 1 });
    expect(computeQuantity({ dose: { value: 1, unit: '片' }, frequency: 'qod', days: 7 }, drug('amlodipine-5mg-tab'))).toMatchObject({ doses: 4 });
    expect(computeQuantity({ dose: { value: 1, unit: '片' }, frequency: 'prn', days: 10 }, drug('paracetamol-500mg-tab'))).toMatchObject({ doses: 30, packages: 2 });
  });

  it('rejects a dose unit the product does not take (mg on a combination product)', () => {
    expect(computeQuantity({ dose: { value: 400, unit: 'mg' }, frequency: 'bid', days: 7 }, drug('amoxicillin-clavulanate-457mg-tab'))).toEqual({ ok: false, reason: 'unit' });
    expect(computeQuantity({ dose: { value: 1, unit: 'ml' }, frequency: 'bid', days: 7 }, drug('amlodipine-5mg-tab'))).toEqual({ ok: false, reason: 'unit' });
  });
});
