import { EventEmitter } from 'node:events';

/**
 * Domain events inside one process. Modules publish; the realtime edge forwards to screens.
 * With several server nodes, `RedisEventBus` (redis-event-bus.ts) carries them between nodes.
 */
export interface DomainEvents {
  /** Something in a session's queue changed (check-in, call, no-show, completion …). */
  'queue.changed': { sessionId: string; institutionIds: string[] };
  /** One appointment changed; its kiosk screen follows it. */
  'appointment.changed': { appointmentId: string; sessionId: string; institutionId: string };
  /** A consultation changed state (started, ended). */
  'consultation.changed': { consultationId: string };
  /** A peer entered a consultation room. */
  'room.peerJoined': { consultationId: string; userId: string; participantRole: string };
  /** A user's sessions (all, or one: `sessionId`) ended: logout, disabled, password reset. Every node drops its cached lookups. */
  'auth.sessionsEnded': { userId: string; sessionId: string | null };
}

export type DomainEventName = keyof DomainEvents;

export interface EventBus {
  publish<E extends DomainEventName>(event: E, payload: DomainEvents[E]): void;
  subscribe<E extends DomainEventName>(event: E, fn: (payload: DomainEvents[E]) => void): () => void;
  /** Whether events reach the other nodes now (null: there are none). */
  reachable(): boolean | null;
  /** Stops sharing events with other nodes (a no-op within one process). */
  close(): Promise<void>;
}

export class LocalEventBus implements EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish<E extends DomainEventName>(event: E, payload: DomainEvents[E]): void {
    // Listeners run after the current transaction's caller continues; one failing listener never breaks the publisher.
    queueMicrotask(() => {
      for (const fn of this.emitter.listeners(event)) {
        try {
          (fn as (p: DomainEvents[E]) => void)(payload);
        } catch {
          /* listeners log their own errors */
        }
      }
    });
  }

  subscribe<E extends DomainEventName>(event: E, fn: (payload: DomainEvents[E]) => void): () => void {
    this.emitter.on(event, fn);
    return () => this.emitter.off(event, fn);
  }

  reachable(): null {
    return null;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
