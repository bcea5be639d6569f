import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, openDatabase, type Database, type Prisma } from '../src/db/database';
import { createLogger } from '../src/lib/logger';
import { claimDue } from '../src/modules/outbox/claim';
import { Outbox } from '../src/modules/outbox/outbox';
import { createScratchDatabase, dbTargets } from './helpers/test-database';

/**
 * Several nodes deliver one outbox table: every job is delivered by exactly one of them, a node that
 * dies holding a job loses it when its lease runs out, and a job that keeps failing is set aside.
 * On PostgreSQL each node has its own connection pool; PGlite has one connection, so there the
 * nodes' rounds interleave at every await instead of running at once.
 */
const log = createLogger('silent');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(dbTargets())('outbox on several nodes (%s)', (target) => {
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  const clients: Prisma[] = [];

  beforeAll(async () => {
    const scratch = target === 'postgres' ? await createScratchDatabase() : undefined;
    drop = scratch?.drop;
    db = await openDatabase(scratch ? { url: scratch.url } : {});
    for (let i = 0; i < 3; i++) clients.push(db.kind === 'postgres' ? createPrismaClient(db.url, 4) : db.prisma);
  });
  afterAll(async () => {
    for (const c of clients) if (c !== db.prisma) await c.$disconnect();
    await db?.close();
    await drop?.();
  });

  /** Three nodes, each with its own Outbox; `handler` sees which node delivered what. */
  function nodes(kind: string, handler: (node: number, payload: { n: number }) => Promise<void>, opts = {}): Outbox[] {
    return clients.map((prisma, node) => {
      const outbox = new Outbox(prisma, log, { baseDelayMs: 0, maxDelayMs: 0, ...opts });
      outbox.on(kind, (payload) => handler(node, payload as { n: number }));
      return outbox;
    });
  }

  it('delivers each of 60 jobs exactly once when three nodes drain at the same time, again and again', async () => {
    const kind = `once-${target}`;
    const deliveries = new Map<number, number[]>();
    const outboxes = nodes(kind, async (node, { n }) => {
      deliveries.set(n, [...(deliveries.get(n) ?? []), node]);
      await pause(2); // a remote write takes time: the other nodes' rounds run meanwhile
    });
    await Promise.all(Array.from({ length: 60 }, (_, n) => db.prisma.outboxJob.create({ data: { kind, dedupeKey: `${kind}-${n}`, payload: { n } } })));
    for (let round = 0; round < 6; round++) await Promise.all(outboxes.map((o) => o.drain()));

    expect([...deliveries.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    expect([...deliveries.values()].filter((by) => by.length !== 1)).toEqual([]);
    expect(new Set([...deliveries.values()].flat()).size).toBeGreaterThan(1); // the work was shared
    expect(await db.prisma.outboxJob.count({ where: { kind, status: 'done', leaseOwner: null } })).toBe(60);
  });

  it('a job held by a node that died is delivered by another once the lease runs out, and only then', async () => {
    const kind = `lease-${target}`;
    const delivered: number[] = [];
    const [alive] = nodes(kind, async (node) => void delivered.push(node));
    await db.prisma.outboxJob.create({ data: { kind, dedupeKey: `${kind}-1`, payload: { n: 1 } } });
    const claimed = await claimDue(db.prisma, { owner: 'node-that-died', kinds: [kind], leaseMs: 300, batch: 5 });
    expect(claimed).toHaveLength(1);

    await alive?.drain();
    expect(delivered).toEqual([]);
    await pause(350);
    await alive?.drain();
    expect(delivered).toEqual([0]);
    // The dead node's late "done" would change nothing: the job is no longer its own.
    const late = await db.prisma.outboxJob.updateMany({ where: { dedupeKey: `${kind}-1`, leaseOwner: 'node-that-died' }, data: { lastError: 'late' } });
    expect(late.count).toBe(0);
  });

  it('a job that keeps failing is set aside as failed after maxAttempts, and no node takes it again', async () => {
    const kind = `dead-${target}`;
    let calls = 0;
    const outboxes = nodes(
      kind,
      async () => {
        calls++;
        throw new Error('HIS answered 500');
      },
      { maxAttempts: 3 },
    );
    await db.prisma.outboxJob.create({ data: { kind, dedupeKey: `${kind}-1`, payload: { n: 1 } } });
    for (let round = 0; round < 5; round++) await Promise.all(outboxes.map((o) => o.drain()));

    expect(calls).toBe(3);
    const job = await db.prisma.outboxJob.findUniqueOrThrow({ where: { dedupeKey: `${kind}-1` } });
    expect(job).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HIS answered 500', leaseOwner: null });
  });
});
