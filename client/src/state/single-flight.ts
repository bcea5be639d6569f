/** What a single-flight call did: ran the task (with its value), or refused it because one was running. */
export type FlightResult<T> = { ran: true; value: T } | { ran: false };

/**
 * One task at a time: a second call while the first is running is refused, not queued — a
 * double click on a button that sends a request sends it once. Checked synchronously, so it holds
 * even before the disabled button has been drawn. A failed task frees the slot as a finished one does.
 */
export function singleFlight(): { run<T>(task: () => Promise<T>): Promise<FlightResult<T>>; readonly busy: boolean } {
  let busy = false;
  return {
    get busy() {
      return busy;
    },
    async run<T>(task: () => Promise<T>): Promise<FlightResult<T>> {
      if (busy) return { ran: false };
      busy = true;
      try {
        return { ran: true, value: await task() };
      } finally {
        busy = false;
      }
    },
  };
}
