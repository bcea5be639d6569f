import type { Prisma } from '../../db/database';
import type { Logger } from '../../lib/logger';

export type OutboxHandler = (payload: unknown) => Promise<void>;

export interface OutboxOptions {
  pollMs: number;
  /** Backoff after the n-th failure: min(maxDelayMs, baseDelayMs * 2^(n-1)). */
  baseDelayMs: number;
  maxDelayMs: number;
}

const DEFAULTS: OutboxOptions = { pollMs: 1000, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 };

/**
 * Durable queue for writes to outside systems (the county HIS). A job is stored first (in the same
 * transaction as the change that caused it, when the caller passes one) and then delivered until it
 * succeeds, so an outage loses nothing. `dedupeKey` makes enqueueing idempotent; handlers make the
 * remote write idempotent (FHIR conditional create), so a crash between "written" and "marked
 * done" never writes twice.
 */
export class Outbox {
  private readonly handlers = new Map<string, OutboxHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly opts: OutboxOptions;

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
    void this.drain();
  }

  private async deliverDue(): Promise<void> {
    const due = await this.prisma.outboxJob.findMany({
      where: { status: 'pending', nextAttemptAt: { lte: new Date() } },
      orderBy: { createdAt: 'asc' },
      take: 20,
    });
    for (const job of due) {
      const handler = this.handlers.get(job.kind);
      if (!handler) continue;
      try {
        await handler(job.payload);
        await this.prisma.outboxJob.update({ where: { id: job.id }, data: { status: 'done', doneAt: new Date(), attempts: { increment: 1 }, lastError: null } });
      } catch (err) {
        const attempts = job.attempts + 1;
        const delay = Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** (attempts - 1));
        const message = err instanceof Error ? err.message.slice(0, 500) : 'unknown error';
        await this.prisma.outboxJob.update({
          where: { id: job.id },
          data: { attempts, lastError: message, nextAttemptAt: new Date(Date.now() + delay) },
        });
        this.log.warn({ jobId: job.id, kind: job.kind, attempts, delayMs: delay, error: message }, 'outbox delivery failed; will retry');
      }
    }
  }
}
