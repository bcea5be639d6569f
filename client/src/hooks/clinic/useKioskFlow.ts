import type { CheckInRequest } from '@cloudclinic/shared';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { clinicApi } from '../../api/clinic-api';
import { initialKioskFlow, kioskFlowReducer, kioskStep, resumePoint, type KioskFlowState, type KioskNotice, type KioskStep } from '../../features/kiosk/kiosk-flow';
import { browserSessionStorage, readResumePoint, writeResumePoint } from '../../features/kiosk/kiosk-storage';
import { useAppointmentWatch } from './useAppointmentWatch';
import { useQueueChanges } from './useQueueChanges';

export interface ConsentInput {
  confirmedBy: 'patient' | 'guardian';
  guardianName?: string;
  recording: boolean;
}

export interface KioskFlow {
  state: KioskFlowState;
  step: KioskStep;
  /** Restoring the appointment kept in sessionStorage after a reload. */
  resuming: boolean;
  /** Resolves with an ApiError code, or null on success. */
  checkIn(req: CheckInRequest): Promise<string | null>;
  giveConsent(input: ConsentInput): Promise<string | null>;
  declineConsent(): Promise<void>;
  deviceCheckDone(): void;
  reset(notice?: KioskNotice): void;
  back(): void;
}

/** The kiosk's patient flow: reducer (features/kiosk/kiosk-flow.ts) + API calls + live appointment + reload resume. */
export function useKioskFlow(): KioskFlow {
  const [state, dispatch] = useReducer(kioskFlowReducer, initialKioskFlow);
  const storage = useRef(browserSessionStorage()).current;
  const [resuming, setResuming] = useState(() => readResumePoint(storage) !== null);

  useEffect(() => {
    const point = readResumePoint(storage);
    if (!point) return;
    const controller = new AbortController();
    clinicApi.appointment(point.appointmentId, controller.signal).then(
      (appointment) => {
        if (controller.signal.aborted) return;
        dispatch({ type: 'resumed', appointment, deviceChecked: point.deviceChecked });
        setResuming(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const e = toApiError(err);
        if (e.status >= 400 && e.status < 500) writeResumePoint(storage, null); // gone or not ours: start over
        setResuming(false);
      },
    );
    return () => controller.abort();
  }, [storage]);

  useEffect(() => {
    if (!resuming) writeResumePoint(storage, resumePoint(state));
  }, [state, resuming, storage]);

  const appointmentId = state.appointment?.id ?? null;
  useAppointmentWatch(appointmentId, (appointment) => dispatch({ type: 'appointmentChanged', appointment }));

  // Someone ahead checked in, was called or skipped: re-read this patient's place in line.
  const waitingIn = state.appointment && !state.finished && state.appointment.status === 'checked_in' ? state.appointment.sessionId : null;
  useQueueChanges(waitingIn, () => {
    if (!appointmentId) return;
    clinicApi.appointment(appointmentId).then(
      (appointment) => dispatch({ type: 'appointmentChanged', appointment }),
      () => undefined, // the next change or push will bring it
    );
  });

  const checkIn = useCallback(async (req: CheckInRequest) => {
    try {
      dispatch({ type: 'checkedIn', appointment: await clinicApi.checkIn(req) });
      return null;
    } catch (err) {
      return toApiError(err).code;
    }
  }, []);

  const giveConsent = useCallback(
    async (input: ConsentInput) => {
      if (!appointmentId) return 'invalid_state';
      const who = { confirmedBy: input.confirmedBy, ...(input.confirmedBy === 'guardian' ? { guardianName: input.guardianName } : {}) };
      try {
        await clinicApi.recordConsent(appointmentId, { kind: 'recording', granted: input.recording, ...who });
        const appointment = await clinicApi.recordConsent(appointmentId, { kind: 'telemedicine', granted: true, ...who });
        dispatch({ type: 'consentRecorded', appointment });
        return null;
      } catch (err) {
        return toApiError(err).code;
      }
    },
    [appointmentId],
  );

  const declineConsent = useCallback(async () => {
    if (appointmentId) {
      await clinicApi.recordConsent(appointmentId, { kind: 'telemedicine', granted: false, confirmedBy: 'patient' }).catch(() => undefined);
    }
    dispatch({ type: 'consentDeclined' });
  }, [appointmentId]);

  const deviceCheckDone = useCallback(() => dispatch({ type: 'deviceCheckDone' }), []);
  const reset = useCallback((notice?: KioskNotice) => dispatch({ type: 'reset', notice }), []);
  const back = useCallback(() => dispatch({ type: 'back' }), []);

  return { state, step: kioskStep(state), resuming, checkIn, giveConsent, declineConsent, deviceCheckDone, reset, back };
}
