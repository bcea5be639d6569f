import type { Mark } from '@cloudclinic/shared';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { RoomDataHub } from '../../media/room-data-hub';
import { EMPTY_MARKS, reduceMarks, type MarksAction, type MarksState } from './marks-model';
import { MarksPublisher, MarksReceiver, type MarksLabel } from './marks-sync';

/** The expert's marks on `targetUserId`'s video: local state, sent to the room on every change. */
export function useMarksPublisher(data: RoomDataHub, targetUserId: string | null, label?: MarksLabel): { state: MarksState; dispatch: (a: MarksAction) => void } {
  const [state, dispatch] = useReducer(reduceMarks, EMPTY_MARKS);
  const publisher = useMemo(() => new MarksPublisher(data, label), [data, label]);
  useEffect(() => () => publisher.close(), [publisher]);
  useEffect(() => publisher.publish(state, targetUserId), [publisher, state, targetUserId]);
  return { state, dispatch };
}

/** Field side: the marks the experts present (`peerIds`: the experts' peers) drew on this user's video. */
export function useMarksReceiver(data: RoomDataHub, selfUserId: string | null, peerIds: readonly string[], label?: MarksLabel): { marks: Mark[]; rev: number } {
  const receiver = useMemo(() => (selfUserId ? new MarksReceiver(selfUserId, label) : null), [selfUserId, label]);
  const [shown, setShown] = useState<{ marks: Mark[]; rev: number }>({ marks: [], rev: 0 });
  const present = useRef(new Set<string>());
  present.current = new Set(peerIds);
  useEffect(() => {
    if (!receiver) return;
    return data.onMessage((m) => {
      if (receiver.handle(m.peerId, m.label, m.data)) setShown({ marks: receiver.marks(), rev: receiver.revision() });
    });
  }, [data, receiver]);
  const key = peerIds.join(',');
  useEffect(() => {
    if (receiver?.retain(present.current)) setShown({ marks: receiver.marks(), rev: receiver.revision() });
  }, [receiver, key]);
  return shown;
}
