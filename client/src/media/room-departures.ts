/**
 * Leaves still finishing, by consultation. A new client for the same room waits for them before it
 * connects, so an old socket's late `room.join` cannot replace the new peer (a quick back-and-forth,
 * React StrictMode's double mount).
 */
const departures = new Map<string, Promise<void>>();

export function pendingDeparture(consultationId: string): Promise<void> | undefined {
  return departures.get(consultationId);
}

export function trackDeparture(consultationId: string, departure: Promise<void>): void {
  departures.set(consultationId, departure);
  void departure.finally(() => {
    if (departures.get(consultationId) === departure) departures.delete(consultationId);
  });
}
