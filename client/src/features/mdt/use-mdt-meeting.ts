import type { MdtMeetingView } from '@cloudclinic/shared';
import { useEffect, useMemo } from 'react';
import { mdtApi } from '../../api/mdt-api';
import { useClinicChannel } from '../../hooks/clinic/useClinicChannel';
import { useResource, type Resource } from '../../hooks/clinic/useResource';
import { useReloadingAction } from '../../hooks/useReloadingAction';
import { movedOrder } from './case-clock';

/** The sitting is pushed (`mdt.changed`); this slow re-read only covers a lost connection. */
const POLL_MS = 15_000;

export interface MdtMeetingState {
  meeting: Resource<MdtMeetingView>;
  /** The server's clock minus the browser's, at the last answer (countdowns use the server's). */
  skewMs: number;
  pending: boolean;
  actionError: string | null;
  start(): void;
  next(fromCaseId: string): void;
  move(caseId: string, delta: -1 | 1): void;
}

/** One sitting, read again whenever it moves (a push), with the chair's moves (one pending flag for all). */
export function useMdtMeeting(meetingId: string): MdtMeetingState {
  const meeting = useResource(meetingId, (signal) => mdtApi.meeting(meetingId, signal));
  const { reload } = meeting;
  const channel = useClinicChannel();
  useEffect(() => (channel ? channel.watchMdtSitting(meetingId, { onData: reload }) : undefined), [channel, meetingId, reload]);
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const serverTime = meeting.data?.serverTime;
  const skewMs = useMemo(() => (serverTime ? Date.parse(serverTime) - Date.now() : 0), [serverTime]);
  const { pending, actionError, run } = useReloadingAction(reload);
  const cases = meeting.data?.cases ?? [];
  return {
    meeting,
    skewMs,
    pending,
    actionError,
    start: () => void run(() => mdtApi.start(meetingId)),
    next: (fromCaseId) => void run(() => mdtApi.next(meetingId, fromCaseId)),
    move: (caseId, delta) => {
      const order = movedOrder(cases, caseId, delta);
      if (order) void run(() => mdtApi.reorder(meetingId, order));
    },
  };
}
