import { describe, expect, it } from 'vitest';
import { DeviceReport, deviceStatus } from './device-report';
import { toMediaFailure } from './media-errors';

const denied = toMediaFailure(new DOMException('no', 'NotAllowedError'), 'camera');
const missing = toMediaFailure(new DOMException('none', 'NotFoundError'), 'microphone');

describe('device report', () => {
  it('tells a refused permission, a missing device, a busy one and a plain "off" apart', () => {
    expect(deviceStatus(false, denied)).toBe('denied');
    expect(deviceStatus(false, missing)).toBe('missing');
    expect(deviceStatus(false, toMediaFailure(new DOMException('busy', 'NotReadableError'), 'camera'))).toBe('busy');
    expect(deviceStatus(false, undefined)).toBe('off');
    expect(deviceStatus(true, denied)).toBe('on');
  });

  it('sends once per change, again when forced by a new join, and retries what was not delivered', async () => {
    const sent: string[] = [];
    let fail = false;
    const state = { camera: false, microphone: true, audioOnly: null };
    const report = new DeviceReport(
      () => state,
      async (d) => {
        if (fail) throw new Error('socket down');
        sent.push(`${d.camera}/${d.microphone}`);
      },
    );
    report.failed(denied);
    await report.sync();
    await report.sync();
    expect(sent).toEqual(['denied/on']);
    await report.sync(true);
    expect(sent).toEqual(['denied/on', 'denied/on']);
    report.cleared('camera');
    state.camera = true;
    fail = true;
    await report.sync();
    fail = false;
    await report.sync();
    expect(sent).toEqual(['denied/on', 'denied/on', 'on/on']);
  });

  it('tells the others that audio-only is on, and why: chosen, or a fall back on a poor link', async () => {
    const sent: unknown[] = [];
    const state: { camera: boolean; microphone: boolean; audioOnly: 'chosen' | 'poor_link' | null } = { camera: true, microphone: true, audioOnly: null };
    const report = new DeviceReport(
      () => state,
      async (d) => void sent.push(d),
    );
    await report.sync();
    Object.assign(state, { camera: false, audioOnly: 'chosen' });
    await report.sync();
    state.audioOnly = 'poor_link';
    await report.sync();
    expect(sent).toEqual([
      { camera: 'on', microphone: 'on' },
      { camera: 'off', microphone: 'on', audioOnly: 'chosen' },
      { camera: 'off', microphone: 'on', audioOnly: 'poor_link' },
    ]);
  });
});
