import type { VitalsReading } from '@cloudclinic/shared';

export type UploadReadings = (readings: VitalsReading[]) => Promise<void>;

const MAX_QUEUED = 240;
const MAX_BATCH = 60;

/**
 * Readings kept in the consultation record: queued on the field device and sent in batches; a
 * failed upload (link down) stays queued and is retried with back-off. Each reading has its own
 * id, so a batch that reached the server before the answer got lost is stored once.
 */
export class VitalsUploader {
  private readonly queue: VitalsReading[] = [];
  private sending = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly upload: UploadReadings,
    private readonly onChange: (pending: number) => void = () => undefined,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  add(reading: VitalsReading): void {
    if (this.closed) return;
    this.queue.push(reading);
    if (this.queue.length > MAX_QUEUED) this.queue.splice(0, this.queue.length - MAX_QUEUED); // keep the newest
    this.onChange(this.queue.length);
    void this.flush();
  }

  async flush(): Promise<void> {
    if (this.sending || this.closed || this.queue.length === 0 || this.retryTimer) return;
    this.sending = true;
    const batch = this.queue.slice(0, MAX_BATCH);
    try {
      await this.upload(batch);
      this.queue.splice(0, batch.length);
      this.failures = 0;
      this.onChange(this.queue.length);
    } catch {
      this.failures += 1;
      const delay = Math.min(60_000, 2000 * 2 ** (this.failures - 1));
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, delay);
    } finally {
      this.sending = false;
    }
    if (this.failures === 0 && this.queue.length > 0) void this.flush();
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }
}
