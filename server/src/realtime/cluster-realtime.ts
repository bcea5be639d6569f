import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Logger } from '../lib/logger';
import { SharedPacketBudget } from './shared-packet-budget';
import { sharedSocketCap, type SharedSocketCap } from './shared-socket-cap';

/** What the socket server shares with the other nodes through Redis (see createSocketServer). */
export interface ClusterRealtime {
  /** socket.io's Redis streams adapter: room emits and `fetchSockets()` span the nodes. */
  adapter: ReturnType<typeof createAdapter>;
  budget: SharedPacketBudget;
  sockets: SharedSocketCap;
  close(): void;
}

export interface SharedRedis {
  url: string;
  nodeId: string;
  /** Commands that fail at once while Redis is away (no offline queue). */
  redis: Redis;
}

/**
 * The adapter publishes with a client that fails at once while Redis is away (an emit then still
 * reaches this node's sockets without waiting; the other nodes miss it), and reads the stream with
 * its own blocking connections, which do queue while Redis is away so that the adapter's read loop
 * waits for the reconnection instead of spinning. They are made by `duplicate()`, overridden here
 * to give them those options and to close them on `close()` (the adapter would leave a blocked
 * XREAD open up to its block time).
 */
export async function clusterRealtime(shared: SharedRedis, limits: { userRatePerSecond: number; userBurst: number }, log: Logger): Promise<ClusterRealtime> {
  const onError = (err: Error) => log.warn({ err: err.message }, 'redis connection error (socket adapter)');
  const publisher = new Redis(shared.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'cloudclinic-sockets' });
  const readers: Redis[] = [];
  publisher.on('error', onError);
  publisher.duplicate = () => {
    const reader = new Redis(shared.url, { maxRetriesPerRequest: null, connectionName: 'cloudclinic-sockets-read' });
    reader.on('error', onError);
    readers.push(reader);
    return reader;
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      publisher.disconnect();
      reject(new Error('Redis did not answer (socket adapter)'));
    }, 10_000);
    publisher.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const budget = new SharedPacketBudget(shared.redis, limits, log);
  return {
    adapter: createAdapter(publisher, { streamName: 'cloudclinic:socket.io', channelPrefix: 'cloudclinic:socket.io', blockTimeInMs: 2000 }),
    budget,
    sockets: sharedSocketCap(shared.redis, shared.nodeId),
    close() {
      budget.close();
      for (const conn of [publisher, ...readers]) conn.disconnect();
    },
  };
}
