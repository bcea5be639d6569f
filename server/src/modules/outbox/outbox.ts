import crypto from 'node:crypto';
import type { Prisma } from '../../db/database';
import type { Logger } from '../../lib/logger';
import { claimDue, type ClaimedJob } from './claim';

export type OutboxHandler = (payload: unknown) => Promise<void>;

export interface OutboxOptions {
  pollMs: number;
  /** Backoff after the n-th failure: min(maxDelayMs, baseDelayMs * 2^(n-1)). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failed deliveries the job is set aside as `failed` (dead letter) for an admin. */
  maxAttempts: number;
  /** How long a node's claim on a job holds; a node that dies mid-delivery loses it after this. */
  leaseMs: number;
  /** Jobs claimed per round. */
  batch: number;
}

const DEFAULTS: OutboxOptions = { pollMs: 1000, baseDelayMs: 1000, maxDelayMs: 5 * 60_000, maxAttempts: 12, leaseMs: 60_000, batch: 20 };

/**
 * Durable queue for writes to outside systems (the county HIS). A job is stored first (in the same
 * transaction as the change that caused it, when the caller passes one) and then delivered until it
 * succeeds, so an outage loses nothing. `dedupeKey` makes enqueueing idempotent; handlers make the
 * remote write idempotent (FHIR conditional create), so a crash between "written" and "marked
 * done" never writes twice. Any number of nodes may run an Outbox on the same table: each claims
 * due jobs with a lease (`FOR UPDATE SKIP LOCKED`), so a job is delivered by one node at a time.
 */
export class Outbox {
  private readonly handlers = new Map<string, OutboxHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly opts: OutboxOptions;
  /** This node's name on the jobs it claims. */
  readonly owner = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;

  constructor(
    private readonly prisma: Prisma,
    private readonly log: Logger,
    opts: Partial<OutboxOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  on(kind: string, handler: OutboxHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, dedupeKey: string, payload: object, tx: Pick<Prisma, 'outboxJob'> = this.prisma): Promise<void> {
    await tx.outboxJob.upsert({ where: { dedupeKey }, update: {}, create: { kind, dedupeKey, payload } });
    this.kick();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), this.opts.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Deliver what is due now (also called by tests to avoid waiting for the poll). */
  drain(): Promise<void> {
    this.running ??= this.deliverDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private kick(): void {
    this.drain().catch((err: unknown) => this.log.error({ err }, 'outbox round failed'));
  }

  private async deliverDue(): Promise<void> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return;
    const jobs = await claimDue(this.prisma, { owner: this.owner, kinds, leaseMs: this.opts.leaseMs, batch: this.opts.batch });
    for (const job of jobs) await this.deliver(job);
  }

  private async deliver(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.kind);
    if (!handler) return;
    const mine = { id: job.id, leaseOwner: this.owner };
    try {
      await handler(job.payload);
      const marked = await this.prisma.outboxJob.updateMany({
        where: mine,
        data: { status: 'done', doneAt: new Date(), attempts: { increment: 1 }, lastError: null, leaseOwner: null, leaseUntil: null },
      });
      if (marked.count === 0) this.log.warn({ jobId: job.id, kind: job.kind }, 'outbox lease lost during delivery; the write is idempotent');
    } catch (err) {
      const attempts = job.attempts + 1;
      const message = err instanceof Error ? err.message.slice(0, 500) : 'unknown error';
      const dead = attempts >= this.opts.maxAttempts;
      const delay = Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** (attempts - 1));
      await this.prisma.outboxJob.updateMany({
        where: mine,
        data: { attempts, lastError: message, leaseOwner: null, leaseUntil: null, ...(dead ? { status: 'failed' } : { nextAttemptAt: new Date(Date.now() + delay) }) },
      });
      if (dead) this.log.error({ jobId: job.id, kind: job.kind, attempts, error: message }, 'outbox job failed for good: set aside for an admin');
      else this.log.warn({ jobId: job.id, kind: job.kind, attempts, delayMs: delay, error: message }, 'outbox delivery failed; will retry');
    }
  }
}
