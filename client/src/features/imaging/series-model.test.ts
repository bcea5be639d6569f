import { describe, expect, it } from 'vitest';
import { attachedFirst, buildStack, sortStudies, studySummary } from './series-model';

const inst = (sop: string, n: number, extra: Record<string, { vr: string; Value: unknown[] }> = {}) => ({
  '00080018': { vr: 'UI', Value: [sop] },
  '00200013': { vr: 'IS', Value: [n] },
  ...extra,
});

describe('series model', () => {
  it('orders instances by number and expands multi-frame instances into frames', () => {
    const stack = buildStack([inst('1.3', 3), inst('1.1', 1), inst('1.2', 2, { '00280008': { vr: 'IS', Value: ['3'] }, '00181063': { vr: 'DS', Value: [40] } })], (sop, f) => `wadors:/x/${sop}/frames/${f}`);
    expect(stack.frames.map((f) => `${f.sopInstanceUid}#${f.frame}`)).toEqual(['1.1#1', '1.2#1', '1.2#2', '1.2#3', '1.3#1']);
    expect(stack.frames[2]?.imageId).toBe('wadors:/x/1.2/frames/2');
    expect(stack.cineFps).toBe(25);
  });

  it('lists studies newest first', () => {
    const s = (uid: string, date: string) => studySummary({ '0020000D': { vr: 'UI', Value: [uid] }, '00080020': { vr: 'DA', Value: [date] } });
    const sorted = sortStudies([s('1.1', '20250101'), s('1.2', '20261105'), s('1.3', '20260918')].flatMap((x) => (x ? [x] : [])));
    expect(sorted.map((x) => x.uid)).toEqual(['1.2', '1.3', '1.1']);
  });
});

describe('attachedFirst', () => {
  it('lists the studies attached to the request first, keeping the order otherwise', () => {
    const list = [{ uid: '1.1' }, { uid: '1.2' }, { uid: '1.3' }];
    expect(attachedFirst(list, ['1.3']).map((s) => s.uid)).toEqual(['1.3', '1.1', '1.2']);
    expect(attachedFirst(list, []).map((s) => s.uid)).toEqual(['1.1', '1.2', '1.3']);
  });
});
