/** Which room to join: a consultation's, or an MDT sitting's (one room for the slot while its cases change). */
export type RoomTarget = { consultationId: string } | { mdtMeetingId: string };

/** The room's id: what the server keys it by, and what a balancer hashes the socket on. */
export function roomIdOf(target: RoomTarget): string {
  return 'consultationId' in target ? target.consultationId : target.mdtMeetingId;
}

/** The `room.join` fields naming the room. */
export function joinFieldsOf(target: RoomTarget): { consultationId: string } | { mdtMeetingId: string } {
  return 'consultationId' in target ? { consultationId: target.consultationId } : { mdtMeetingId: target.mdtMeetingId };
}
