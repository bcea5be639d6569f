import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { AppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { NodeMessageSchema, type LinkEvent, type NodeMessage } from './link-messages';
import { nodeKey, seal, unseal } from './node-seal';

/** A request another node answers: the answer's body, and what to do once it is on its way. */
export type RequestHandler = (from: string, body: unknown) => Promise<{ body: unknown; after?: () => void }>;
export type EventHandler = (linkId: string, from: string, event: LinkEvent) => void;

/**
 * Node-to-node messages over Redis pub/sub: each node listens on its own channel; a request carries
 * a correlation id and is answered on the asker's channel, or fails after a timeout. Redis, not an
 * internal HTTP endpoint: every node already holds a Redis connection and knows the others only by
 * name (the balancer maps names to addresses), so no node address or extra listener is needed, and
 * the messages of one sender arrive in the order they were sent (what a link's events rely on).
 * Every message is signed with a key derived from the cluster's JWT_SECRET (node-seal.ts); an
 * unsigned, wrongly signed or stale one is dropped like a malformed one.
 */
export interface NodeChannel {
  readonly nodeId: string;
  request(node: string, body: unknown, timeoutMs?: number): Promise<unknown>;
  /** One way, in order; lost if the other node is gone (its link then times out or is closed). */
  send(node: string, linkId: string, event: LinkEvent): void;
  close(): Promise<void>;
}

export const channelOf = (nodeId: string) => `cloudclinic:node:${nodeId}`;
export const REQUEST_TIMEOUT_MS = 5000;

export async function nodeChannel(url: string, nodeId: string, secret: string, handlers: { request: RequestHandler; event: EventHandler }, log: Logger): Promise<NodeChannel> {
  const key = nodeKey(secret);
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectionName: 'cloudclinic-nodes' });
  const sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectionName: 'cloudclinic-nodes-sub' });
  for (const r of [pub, sub]) r.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error (node channel)'));
  await Promise.all([pub.connect(), sub.connect()]);
  const waiting = new Map<string, { resolve: (m: { ok: boolean; body: unknown }) => void; timer: ReturnType<typeof setTimeout> }>();
  const publish = (node: string, message: NodeMessage) => {
    pub.publish(channelOf(node), seal(key, message)).catch((err: unknown) => log.warn({ err, node }, 'node message not sent'));
  };

  const answer = async (m: Extract<NodeMessage, { kind: 'request' }>) => {
    try {
      const { body, after } = await handlers.request(m.from, m.body);
      publish(m.from, { kind: 'response', id: m.id, ok: true, body });
      after?.();
    } catch (err) {
      const known = err instanceof AppError ? { code: err.code, message: err.message } : { code: 'internal', message: 'Request failed' };
      if (!(err instanceof AppError)) log.warn({ err, from: m.from }, 'node request failed');
      publish(m.from, { kind: 'response', id: m.id, ok: false, body: known });
    }
  };

  sub.on('message', (_channel: string, raw: string) => {
    const opened = unseal(key, raw);
    const parsed = opened === null ? null : NodeMessageSchema.safeParse(opened);
    if (!parsed?.success) {
      log.warn({ bytes: raw.length, signed: opened !== null }, 'unsigned or malformed node message ignored');
      return;
    }
    const m = parsed.data;
    if (m.kind === 'request') void answer(m);
    else if (m.kind === 'event') handlers.event(m.linkId, m.from, m.event);
    else {
      const w = waiting.get(m.id);
      if (!w) return;
      waiting.delete(m.id);
      clearTimeout(w.timer);
      w.resolve(m);
    }
  });
  await sub.subscribe(channelOf(nodeId));

  return {
    nodeId,
    async request(node, body, timeoutMs = REQUEST_TIMEOUT_MS) {
      const id = crypto.randomUUID();
      const reply = new Promise<{ ok: boolean; body: unknown }>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve({ ok: false, body: { code: 'unavailable', message: `Node ${node} did not answer` } });
        }, timeoutMs);
        timer.unref();
        waiting.set(id, { resolve, timer });
      });
      publish(node, { kind: 'request', id, from: nodeId, op: 'link.open', body });
      const m = await reply;
      if (!m.ok) throw new AppError('unavailable', `Node ${node} refused: ${JSON.stringify(m.body).slice(0, 200)}`);
      return m.body;
    },
    send(node, linkId, event) {
      publish(node, { kind: 'event', linkId, from: nodeId, event });
    },
    async close() {
      for (const w of waiting.values()) clearTimeout(w.timer);
      waiting.clear();
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
