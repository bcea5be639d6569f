export type CircuitState = 'closed' | 'open' | 'half-open';
export type ErrorVerdict = 'failure' | 'success' | 'neutral';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  cooldownMs: number;
  now?: () => number;
}

/** Thrown instead of calling while the circuit is open (or while the half-open trial is running). */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
  constructor(readonly retryInMs: number) {
    super(`circuit open; next trial in ${Math.max(0, Math.round(retryInMs))} ms`);
  }
}

/**
 * Stops calling a failing dependency. Closed: calls go through, consecutive failures are counted.
 * Open: calls fail fast. After the cooldown, half-open: one trial call; success closes the circuit,
 * failure opens it again for another cooldown.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private opened = false;
  private trialRunning = false;
  private readonly now: () => number;

  constructor(private readonly opts: CircuitBreakerOptions) {
    this.now = opts.now ?? Date.now;
  }

  get state(): CircuitState {
    if (!this.opened) return 'closed';
    return this.now() - this.openedAt >= this.opts.cooldownMs ? 'half-open' : 'open';
  }

  /**
   * Runs `fn` through the breaker. `classify` says what an error means for the dependency: a
   * `failure` (down, timing out), a `success` (it answered, e.g. 404), or `neutral` (the caller
   * gave up) — neutral errors leave the state as it was.
   */
  async run<T>(fn: () => Promise<T>, classify: (error: unknown) => ErrorVerdict = () => 'failure'): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialRunning)) {
      throw new CircuitOpenError(this.openedAt + this.opts.cooldownMs - this.now());
    }
    const trial = state === 'half-open';
    if (trial) this.trialRunning = true;
    try {
      const result = await fn();
      this.onSuccess();
      return result;
    } catch (err) {
      const verdict = classify(err);
      if (verdict === 'failure') this.onFailure(trial);
      else if (verdict === 'success') this.onSuccess();
      throw err;
    } finally {
      if (trial) this.trialRunning = false;
    }
  }

  private onSuccess(): void {
    this.failures = 0;
    this.opened = false;
  }

  private onFailure(trial: boolean): void {
    this.failures++;
    if (trial || this.failures >= this.opts.failureThreshold) {
      this.opened = true;
      this.openedAt = this.now();
    }
  }
}
