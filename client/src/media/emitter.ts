/** `{ type, payload }` for every event of a map: what `onAny` listeners and reducers receive. */
export type EventOf<M> = { [K in keyof M]: { type: K; payload: M[K] } }[keyof M];

type Listener<T> = (payload: T) => void;

/**
 * A tiny typed event emitter (no Node `events` in the browser bundle). Listeners are called in
 * registration order; one that throws does not stop the others (the error is reported async).
 */
export class Emitter<M extends object> {
  private readonly listeners = new Map<keyof M, Set<Listener<never>>>();
  private readonly anyListeners = new Set<Listener<EventOf<M>>>();

  /** Returns the unsubscribe function. */
  on<K extends keyof M>(type: K, listener: Listener<M[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Every event, as `{ type, payload }`. Returns the unsubscribe function. */
  onAny(listener: Listener<EventOf<M>>): () => void {
    this.anyListeners.add(listener);
    return () => {
      this.anyListeners.delete(listener);
    };
  }

  emit<K extends keyof M>(type: K, payload: M[K]): void {
    const set = this.listeners.get(type);
    if (set) for (const listener of [...set]) safeCall(() => (listener as Listener<M[K]>)(payload));
    if (this.anyListeners.size === 0) return;
    const event = { type, payload } as EventOf<M>; // { type: K; payload: M[K] } is one member of the union
    for (const listener of [...this.anyListeners]) safeCall(() => listener(event));
  }

  removeAll(): void {
    this.listeners.clear();
    this.anyListeners.clear();
  }
}

function safeCall(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    queueMicrotask(() => {
      throw err;
    });
  }
}
