import type { KioskAppointmentView } from '@cloudclinic/shared';

/**
 * The kiosk's patient flow as a plain reducer:
 * check-in → consent → device check → waiting → (called) room → summary → back to check-in.
 *
 * The step is derived from the appointment as the server last described it plus what happened on
 * this screen (device check done), so a reload or a late `appointment.changed` always lands on the
 * right screen: `kioskStep(state)`.
 */
export type KioskStep = 'checkin' | 'consent' | 'device-check' | 'waiting' | 'in-room' | 'summary';

/** Why the check-in screen is shown again (a short notice for the next patient / staff). */
export type KioskNotice = 'consent_declined' | 'cancelled' | null;

export interface KioskFlowState {
  appointment: KioskAppointmentView | null;
  deviceChecked: boolean;
  /** Set once the visit is complete; the summary stays until reset even if the view changes again. */
  finished: boolean;
  notice: KioskNotice;
}

export type KioskFlowEvent =
  | { type: 'checkedIn'; appointment: KioskAppointmentView }
  | { type: 'resumed'; appointment: KioskAppointmentView; deviceChecked: boolean }
  | { type: 'consentRecorded'; appointment: KioskAppointmentView }
  | { type: 'consentDeclined' }
  | { type: 'deviceCheckDone' }
  | { type: 'appointmentChanged'; appointment: KioskAppointmentView }
  | { type: 'reset'; notice?: KioskNotice }
  /** 返回: consent and device check go back to the start, waiting back to the device check, the summary ends. */
  | { type: 'back' };

export const initialKioskFlow: KioskFlowState = { appointment: null, deviceChecked: false, finished: false, notice: null };

export function kioskFlowReducer(state: KioskFlowState, event: KioskFlowEvent): KioskFlowState {
  switch (event.type) {
    case 'checkedIn':
      return settle({ appointment: event.appointment, deviceChecked: false, finished: false, notice: null });
    case 'resumed':
      return settle({ appointment: event.appointment, deviceChecked: event.deviceChecked, finished: false, notice: null });
    case 'consentRecorded':
      if (state.appointment?.id !== event.appointment.id) return state;
      return settle({ ...state, appointment: event.appointment });
    case 'consentDeclined':
      return { ...initialKioskFlow, notice: 'consent_declined' };
    case 'deviceCheckDone':
      return state.appointment ? { ...state, deviceChecked: true } : state;
    case 'appointmentChanged':
      // A late push for a previous patient, or anything after the summary, must not change the screen.
      if (state.appointment?.id !== event.appointment.id || state.finished) return state;
      return settle({ ...state, appointment: event.appointment });
    case 'reset':
      return { ...initialKioskFlow, notice: event.notice ?? null };
    case 'back': {
      const step = kioskStep(state);
      if (step === 'waiting') return { ...state, deviceChecked: false };
      if (step === 'consent' || step === 'device-check' || step === 'summary') return initialKioskFlow;
      return state;
    }
  }
}

function settle(state: KioskFlowState): KioskFlowState {
  return state.appointment?.status === 'completed' ? { ...state, finished: true } : state;
}

export function kioskStep(state: KioskFlowState): KioskStep {
  const a = state.appointment;
  if (!a) return 'checkin';
  if (state.finished) return 'summary';
  if (a.consents.telemedicine !== true) return 'consent';
  if (!state.deviceChecked) return 'device-check';
  if (isCalled(a)) return 'in-room';
  return 'waiting';
}

/** The expert called this patient and the room is open: the kiosk goes in by itself. */
export function isCalled(a: KioskAppointmentView): a is KioskAppointmentView & { consultationId: string } {
  return (a.status === 'called' || a.status === 'in_consultation') && a.consultationId !== null;
}

/** What the kiosk keeps across a reload (sessionStorage): no patient data, just the ids. */
export interface KioskResumePoint {
  appointmentId: string;
  deviceChecked: boolean;
}

export function resumePoint(state: KioskFlowState): KioskResumePoint | null {
  if (!state.appointment) return null;
  return { appointmentId: state.appointment.id, deviceChecked: state.deviceChecked };
}
