import type { KioskAppointmentView } from '@cloudclinic/shared';
import { useEffect, useRef } from 'react';
import type { ClinicChannelError } from '../../media/clinic-channel';
import { useClinicChannel } from './useClinicChannel';

/** Calls `onChange` with the appointment's snapshot, then with every `appointment.changed` push. */
export function useAppointmentWatch(
  appointmentId: string | null,
  onChange: (view: KioskAppointmentView) => void,
  onError?: (err: ClinicChannelError) => void,
): void {
  const channel = useClinicChannel();
  const handlers = useRef({ onChange, onError });
  useEffect(() => {
    handlers.current = { onChange, onError };
  });

  useEffect(() => {
    if (!channel || !appointmentId) return;
    return channel.watchAppointment(appointmentId, {
      onData: (view) => handlers.current.onChange(view),
      onError: (err) => handlers.current.onError?.(err),
    });
  }, [channel, appointmentId]);
}
