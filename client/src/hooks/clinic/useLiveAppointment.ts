import type { KioskAppointmentView } from '@cloudclinic/shared';
import { useState } from 'react';
import { useAppointmentWatch } from './useAppointmentWatch';

/** An appointment kept current by `appointment.watch` (e.g. its status badge on the consultation page). */
export function useLiveAppointment(appointmentId: string | null): KioskAppointmentView | null {
  const [view, setView] = useState<KioskAppointmentView | null>(null);
  useAppointmentWatch(appointmentId, setView);
  return view && view.id === appointmentId ? view : null;
}
