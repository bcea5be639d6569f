import type { ImagingMeasurement, ImagingView, WorldPoint } from '@cloudclinic/shared';

export interface PresenterUpdate {
  view?: ImagingView;
  measurements?: ImagingMeasurement[];
  pointer?: WorldPoint | null;
}

export interface ThrottleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: ThrottleClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Coalesces the presenter's changes: at most one update in flight and one every `intervalMs`;
 * whatever changed meanwhile is merged (the latest view, the latest measurements, the latest
 * pointer win). Dragging the window level or scrolling fast thus sends ≈ 15 small messages a
 * second, and the last position is never lost.
 */
export class UpdateThrottle {
  private pending: PresenterUpdate | null = null;
  private inFlight = false;
  private lastSent = -Infinity;
  private timer: unknown = null;
  private disposed = false;

  constructor(
    private readonly send: (update: PresenterUpdate) => Promise<unknown>,
    private readonly intervalMs = 66,
    private readonly clock: ThrottleClock = realClock,
  ) {}

  push(update: PresenterUpdate): void {
    if (this.disposed) return;
    this.pending = { ...this.pending, ...update };
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.pending = null;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.inFlight || this.timer !== null || !this.pending) return;
    const wait = Math.max(0, this.lastSent + this.intervalMs - this.clock.now());
    if (wait === 0) return void this.flush();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    const update = this.pending;
    if (!update || this.disposed) return;
    this.pending = null;
    this.inFlight = true;
    this.lastSent = this.clock.now();
    void this.send(update)
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        this.schedule();
      });
  }
}
