import type { types } from 'mediasoup-client';
import { describe, expect, it } from 'vitest';
import { DataChannelSet } from './data-channels';

function fakeProducer(label: string) {
  const sent: unknown[] = [];
  const p = { label, closed: false, readyState: 'open', bufferedAmount: 0, sent, send: (d: unknown) => sent.push(d), close: () => (p.closed = true) };
  return p;
}

describe('DataChannelSet', () => {
  it('opens registered channels on every new session and drops sends between sessions', async () => {
    const set = new DataChannelSet();
    const ecg = set.sender('vitals.ecg', { ordered: false, maxPacketLifeTime: 200 });
    expect(ecg.send('before any session')).toBe(false);
    const opened: { label: string; opts: unknown }[] = [];
    const producers: ReturnType<typeof fakeProducer>[] = [];
    const open = async (label: string, opts: unknown) => {
      opened.push({ label, opts });
      const p = fakeProducer(label);
      producers.push(p);
      return p as unknown as types.DataProducer;
    };
    set.attach(open);
    await Promise.resolve();
    expect(opened).toEqual([{ label: 'vitals.ecg', opts: { ordered: false, maxPacketLifeTime: 200 } }]);
    expect(ecg.send('frame 1')).toBe(true);
    producers[0]!.bufferedAmount = 10_000;
    expect(ecg.send('frame 2', { dropIfBufferedAbove: 4096 })).toBe(false); // late already: dropped at the source
    set.detach(); // reconnecting
    expect(ecg.send('frame 3')).toBe(false);
    const numbers = set.sender('vitals.numbers', { ordered: true });
    set.attach(open);
    await Promise.resolve();
    expect(opened.map((o) => o.label)).toEqual(['vitals.ecg', 'vitals.ecg', 'vitals.numbers']);
    expect(ecg.send('frame 4')).toBe(true);
    expect(numbers.send('{"seq":0}')).toBe(true);
    expect(producers[1]!.sent).toEqual(['frame 4']);
    set.close();
    expect(producers.every((p) => p.closed || p === producers[0])).toBe(true);
  });
});
