export interface ReachabilityOptions {
  /** An answer older than this is refreshed (in the background) the next time it is read. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Whether an outside system (the PACS, the county HIS) answers, for the health probe: the last
 * outcome of a real call or of a light probe. Reading it never waits: a stale answer starts one
 * background probe and the next read sees its result. Null until anything is known.
 */
export class Reachability {
  private up: boolean | null = null;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking = false;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly probe: () => Promise<boolean>,
    opts: ReachabilityOptions = {},
  ) {
    this.maxAgeMs = opts.maxAgeMs ?? 5_000;
    this.now = opts.now ?? Date.now;
  }

  current(): boolean | null {
    if (!this.checking && this.now() - this.checkedAt > this.maxAgeMs) {
      this.checking = true;
      void this.probe()
        .then(
          (ok) => this.report(ok),
          () => this.report(false),
        )
        .finally(() => {
          this.checking = false;
        });
    }
    return this.up;
  }

  /** What a real call just found out. */
  report(up: boolean): void {
    this.up = up;
    this.checkedAt = this.now();
  }

  /** Probes now and returns the answer (startup, tests). */
  async refresh(): Promise<boolean> {
    const ok = await this.probe().catch(() => false);
    this.report(ok);
    return ok;
  }
}

/** A probe that counts any HTTP answer below 500 as "up" and a failed connection or timeout as "down". */
export function httpProbe(url: string, timeoutMs = 3_000): () => Promise<boolean> {
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.status < 500;
  };
}
