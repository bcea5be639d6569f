import type { AppointmentStatus, AppointmentView } from '@cloudclinic/shared';

/** What the expert can do with a row of the queue (mirrors the server's legal transitions). */
export type RowAction = 'call' | 'no_show' | 'recall' | 'open';

const EXPERT_ACTIONS: Record<AppointmentStatus, readonly RowAction[]> = {
  booked: ['no_show'],
  checked_in: ['call', 'no_show'],
  called: ['open', 'recall', 'no_show'],
  in_consultation: ['open'],
  completed: ['open'],
  no_show: ['recall'],
  cancelled: [],
  consent_declined: [],
};

/** Only a patient whose telemedicine consent stands can be called (the server refuses the rest). */
export function expertActions(a: Pick<AppointmentView, 'status' | 'consultationId'> & Partial<Pick<AppointmentView, 'consents'>>): readonly RowAction[] {
  return EXPERT_ACTIONS[a.status].filter((action) => (action !== 'open' || a.consultationId !== null) && (action !== 'call' || a.consents?.telemedicine === true));
}

export type ConsentState = 'granted' | 'declined' | 'pending';

/** The telemedicine consent of a row, as the queue shows it. */
export function consentState(a: Pick<AppointmentView, 'consents'>): ConsentState {
  const c = a.consents.telemedicine;
  return c === true ? 'granted' : c === false ? 'declined' : 'pending';
}

/** A county doctor (or coordinator) re-opens a check-in that a declined consent ended. */
export function canReopen(a: Pick<AppointmentView, 'status'>): boolean {
  return a.status === 'consent_declined';
}

/** A county doctor may join the video while the expert has the patient in (called or in consultation). */
export function canJoin(a: Pick<AppointmentView, 'status' | 'consultationId'>): a is { status: AppointmentStatus; consultationId: string } {
  return (a.status === 'called' || a.status === 'in_consultation') && a.consultationId !== null;
}

/** The moment the current wait started: checked in (waiting) or called (walking to the kiosk). */
export function waitingSince(a: Pick<AppointmentView, 'status' | 'checkedInAt' | 'calledAt'>): string | null {
  if (a.status === 'checked_in') return a.checkedInAt;
  if (a.status === 'called') return a.calledAt;
  return null;
}

export function byQueueNumber<T extends Pick<AppointmentView, 'queueNumber'>>(rows: readonly T[]): T[] {
  return [...rows].sort((x, y) => x.queueNumber - y.queueNumber);
}
