import type { AppointmentStatus } from '@cloudclinic/shared';
import { invalidState } from '../../lib/errors';

/** Every legal appointment transition. Anything else is `invalid_state` (409). */
const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['called', 'no_show', 'cancelled', 'consent_declined'],
  called: ['in_consultation', 'no_show', 'completed', 'checked_in', 'consent_declined'],
  in_consultation: ['completed'],
  no_show: ['checked_in'],
  completed: [],
  cancelled: [],
  // Staff re-open a declined check-in (the patient is asked again), or the coordinator cancels.
  consent_declined: ['checked_in', 'cancelled'],
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!canTransition(from, to)) {
    throw invalidState(`Appointment cannot go from ${from} to ${to}`, { from, to });
  }
}

/** Statuses that still hold a place in the session (count against capacity, block double booking). */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['booked', 'checked_in', 'called', 'in_consultation', 'completed', 'consent_declined'];
/** Statuses of patients waiting in the room, in queue order. */
export const WAITING_STATUSES: readonly AppointmentStatus[] = ['checked_in'];
