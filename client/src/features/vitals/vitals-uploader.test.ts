import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VitalsReading } from '@cloudclinic/shared';
import { VitalsUploader } from './vitals-uploader';

const reading = (n: number): VitalsReading => ({
  readingId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  takenAt: new Date(n * 1000).toISOString(),
  heartRate: 80,
  spo2: 97,
  systolic: null,
  diastolic: null,
  respiratoryRate: 16,
  temperature: 36.7,
});

describe('VitalsUploader', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps readings while the link is down and sends them, once, when it is back', async () => {
    const sent: string[][] = [];
    let up = false;
    const uploader = new VitalsUploader(async (batch) => {
      if (!up) throw new Error('offline');
      sent.push(batch.map((r) => r.readingId));
    });
    uploader.add(reading(1));
    await vi.advanceTimersByTimeAsync(0);
    uploader.add(reading(2));
    expect(uploader.pending).toBe(2);
    up = true;
    await vi.advanceTimersByTimeAsync(2500);
    expect(uploader.pending).toBe(0);
    expect(sent.flat()).toEqual([reading(1).readingId, reading(2).readingId]);
    uploader.close();
  });
});
