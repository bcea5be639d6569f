import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../lib/logger';
import { LocalEventBus, type DomainEventName, type DomainEvents, type EventBus } from './event-bus';

const CHANNEL = 'cloudclinic:events';

/** What travels between nodes: checked like any input from outside the process. */
const EnvelopeSchema = z.object({ origin: z.string().min(1), event: z.string().min(1), payload: z.record(z.string(), z.unknown()) });

/**
 * Domain events across the nodes of a cluster. An event reaches this node's listeners at once and
 * is published on one Redis channel; every other node hands it to its own listeners (and so to the
 * screens connected to it). Pub/sub keeps nothing: a node that was away has missed what happened,
 * and its screens re-read their state when their socket reconnects.
 */
export class RedisEventBus implements EventBus {
  private readonly local = new LocalEventBus();
  private readonly origin = crypto.randomUUID();

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly log: Logger,
  ) {}

  static async connect(url: string, log: Logger): Promise<RedisEventBus> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 3, connectionName: 'cloudclinic-events' };
    const pub = new Redis(url, options);
    const sub = new Redis(url, options);
    for (const conn of [pub, sub]) conn.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));
    try {
      await Promise.all([pub.connect(), sub.connect()]);
      const bus = new RedisEventBus(pub, sub, log);
      sub.on('message', (_channel: string, raw: string) => bus.deliver(raw));
      await sub.subscribe(CHANNEL);
      return bus;
    } catch (err) {
      pub.disconnect();
      sub.disconnect();
      throw err;
    }
  }

  publish<E extends DomainEventName>(event: E, payload: DomainEvents[E]): void {
    this.local.publish(event, payload);
    const message = JSON.stringify({ origin: this.origin, event, payload });
    this.pub.publish(CHANNEL, message).catch((err: unknown) => this.log.warn({ err, event }, 'event not sent to the other nodes'));
  }

  subscribe<E extends DomainEventName>(event: E, fn: (payload: DomainEvents[E]) => void): () => void {
    return this.local.subscribe(event, fn);
  }

  reachable(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /** Quits politely when Redis answers; drops the connections at once when it does not. */
  async close(): Promise<void> {
    await Promise.allSettled([this.sub, this.pub].map((conn) => (conn.status === 'ready' ? conn.quit() : Promise.resolve(conn.disconnect()))));
  }

  private deliver(raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = null;
    }
    const envelope = EnvelopeSchema.safeParse(parsed);
    if (!envelope.success) return void this.log.warn('malformed event from another node ignored');
    if (envelope.data.origin === this.origin) return; // already delivered here at publish time
    this.local.publish(envelope.data.event as DomainEventName, envelope.data.payload as never);
  }
}
