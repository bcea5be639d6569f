import { describe, expect, it } from 'vitest';
import { UpdateThrottle, type PresenterUpdate, type ThrottleClock } from './update-throttle';

function fakeClock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: ThrottleClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => {
      const i = timers.indexOf(h as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
    await new Promise((r) => setTimeout(r, 0));
  };
  return { clock, advance };
}

const view = (sliceIndex: number) => ({ studyUid: '1.2', seriesUid: '1.3', sliceIndex, voi: null, camera: null, cine: { playing: false, fps: 20 } });

describe('UpdateThrottle', () => {
  it('sends the first change at once, then coalesces to the latest within the interval', async () => {
    const { clock, advance } = fakeClock();
    const sent: PresenterUpdate[] = [];
    const t = new UpdateThrottle(async (u) => void sent.push(u), 66, clock);
    t.push({ view: view(1) });
    await advance(0);
    expect(sent).toEqual([{ view: view(1) }]);
    t.push({ view: view(2) });
    t.push({ pointer: [1, 2, 3] });
    t.push({ view: view(3) });
    await advance(30);
    expect(sent).toHaveLength(1);
    await advance(40);
    expect(sent[1]).toEqual({ view: view(3), pointer: [1, 2, 3] });
  });

  it('never has two updates in flight and keeps the last one', async () => {
    const { clock, advance } = fakeClock();
    const sent: PresenterUpdate[] = [];
    let release: () => void = () => undefined;
    const t = new UpdateThrottle(
      (u) => {
        sent.push(u);
        return new Promise<void>((r) => (release = r));
      },
      10,
      clock,
    );
    t.push({ view: view(1) });
    t.push({ view: view(2) });
    await advance(50);
    expect(sent).toHaveLength(1);
    release();
    await advance(0);
    expect(sent.map((u) => u.view?.sliceIndex)).toEqual([1, 2]);
  });
});
