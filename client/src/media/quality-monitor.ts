import { assessQuality, readStats, type Quality, type StatsSample } from './connection-quality';

/**
 * Polls transport stats every `intervalMs` and reports the link quality when it changes.
 * `getReports` returns the current transports' reports (none while reconnecting → `unknown`).
 */
export class QualityMonitor {
  private timer: ReturnType<typeof setInterval> | null = null;
  private previous: StatsSample | null = null;
  private quality: Quality = 'unknown';
  private busy = false;

  constructor(
    private readonly getReports: () => Promise<RTCStatsReport[]>,
    private readonly onQuality: (quality: Quality) => void,
    private readonly intervalMs = 2000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.previous = null;
  }

  private async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const reports = await this.getReports();
      if (reports.length === 0) {
        this.previous = null;
        return this.report('unknown');
      }
      const sample = readStats(reports);
      this.report(assessQuality(this.previous, sample));
      this.previous = sample;
    } catch {
      // A transport closed mid-poll: the next poll reads the new ones.
    } finally {
      this.busy = false;
    }
  }

  private report(quality: Quality): void {
    if (quality === this.quality) return;
    this.quality = quality;
    this.onQuality(quality);
  }
}
