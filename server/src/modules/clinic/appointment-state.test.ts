import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES } from '@cloudclinic/shared';
import { AppError } from '../../lib/errors';
import { assertTransition, canTransition } from './appointment-state';

describe('appointment state machine', () => {
  it('follows the clinic day: booked → checked_in → called → in_consultation → completed', () => {
    expect(canTransition('booked', 'checked_in')).toBe(true);
    expect(canTransition('checked_in', 'called')).toBe(true);
    expect(canTransition('called', 'in_consultation')).toBe(true);
    expect(canTransition('in_consultation', 'completed')).toBe(true);
  });

  it('refuses to call a cancelled or completed appointment with invalid_state', () => {
    for (const from of ['cancelled', 'completed'] as const) {
      expect(() => assertTransition(from, 'called')).toThrowError(AppError);
      try {
        assertTransition(from, 'called');
      } catch (e) {
        expect((e as AppError).code).toBe('invalid_state');
        expect((e as AppError).status).toBe(409);
      }
    }
  });

  it('lets a no-show come back into the queue, but never revives a terminal state', () => {
    expect(canTransition('no_show', 'checked_in')).toBe(true);
    for (const to of APPOINTMENT_STATUSES) {
      expect(canTransition('completed', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
  });

  it('takes a declined consent out of the queue; only a re-open (back to checked_in) or a cancel leaves it', () => {
    expect(canTransition('checked_in', 'consent_declined')).toBe(true);
    expect(canTransition('called', 'consent_declined')).toBe(true);
    expect(canTransition('consent_declined', 'checked_in')).toBe(true);
    expect(canTransition('consent_declined', 'called')).toBe(false);
    expect(canTransition('consent_declined', 'in_consultation')).toBe(false);
    expect(canTransition('in_consultation', 'consent_declined')).toBe(false);
  });

  it('skips no step forwards: a booked patient cannot be called before checking in', () => {
    expect(canTransition('booked', 'called')).toBe(false);
    expect(canTransition('booked', 'in_consultation')).toBe(false);
    expect(canTransition('checked_in', 'completed')).toBe(false);
  });
});
