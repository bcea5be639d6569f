import { createContext, useContext, type ReactNode } from 'react';
import type { UseRoom } from './useRoom';

const RoomContext = createContext<UseRoom | null>(null);

/** Makes one room's `{ state, actions }` available to the tiles and controls below it. */
export function RoomProvider({ room, children }: { room: UseRoom; children: ReactNode }) {
  return <RoomContext.Provider value={room}>{children}</RoomContext.Provider>;
}

/** The enclosing room. Throws outside `<RoomProvider>` (a component used in the wrong place). */
export function useRoomContext(): UseRoom {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoomContext() must be used inside <RoomProvider>');
  return room;
}
