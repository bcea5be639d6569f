import type { MediaSelfTest } from '@cloudclinic/shared';
import type { Logger } from '../lib/logger';
import { announcedAddresses } from './listen-plan';
import { runMediaSelfTest } from './self-test';
import type { WorkerPool } from './worker-pool';

/** Re-checked this often, and at once when a worker is replaced. */
export const SELF_TEST_INTERVAL_MS = 20_000;

/** Keeps the latest media self-test of the pool for the health report. */
export class MediaHealth {
  private last: MediaSelfTest | null = null;
  private running: Promise<MediaSelfTest> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly pool: WorkerPool,
    private readonly log: Logger,
    private readonly intervalMs = SELF_TEST_INTERVAL_MS,
  ) {}

  /** Runs the first check (logging what is announced and whether it answers), then repeats it. */
  async start(): Promise<MediaSelfTest> {
    const first = await this.run();
    const line = { announced: this.announced, ok: first.ok, checks: first.checks.length };
    if (first.ok) this.log.info(line, `media: browsers are told to send to ${this.announced.join(', ')}`);
    else this.log.error({ ...line, failures: first.checks.filter((c) => !c.ok) }, 'media self-test failed: browsers will not receive audio or video');
    this.timer = setInterval(() => void this.run(), this.intervalMs);
    this.timer.unref();
    this.pool.on('workerReplaced', this.onReplaced);
    return first;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.pool.off('workerReplaced', this.onReplaced);
  }

  get announced(): string[] {
    return announcedAddresses(this.pool.addresses);
  }

  snapshot(): { announced: string[]; selfTest: MediaSelfTest | null } {
    return { announced: this.announced, selfTest: this.last };
  }

  /**
   * For the health answer: the last result, or — when it failed — a fresh check, so that a media
   * path that came back (a worker thawed, a port freed) shows as ok at once rather than after the
   * next periodic run.
   */
  async current(): Promise<{ announced: string[]; selfTest: MediaSelfTest | null }> {
    if (this.last && !this.last.ok) await this.run();
    return this.snapshot();
  }

  /** One check at a time; callers during a run share its result. */
  run(): Promise<MediaSelfTest> {
    this.running ??= runMediaSelfTest(this.pool.workers(), this.pool.addresses)
      .then((result) => {
        if (this.last?.ok && !result.ok) this.log.error({ failures: result.checks.filter((c) => !c.ok) }, 'media self-test failed');
        this.last = result;
        return result;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private readonly onReplaced = () => void this.run();
}
