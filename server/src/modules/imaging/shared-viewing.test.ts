import { describe, expect, it } from 'vitest';
import { SharedViewing } from './shared-viewing';

const member = (memberId: string, userId = memberId) => ({ memberId, userId, displayName: userId, participantRole: 'expert' as const });
const view = { studyUid: '1.2', seriesUid: '1.3', sliceIndex: 4, voi: null, camera: null, cine: { playing: false, fps: 20 } };

describe('SharedViewing', () => {
  it('lets any member present, only the presenter update or hand over', () => {
    const v = new SharedViewing();
    v.join('c1', member('a'));
    v.join('c1', member('b'));
    expect(() => v.update('c1', 'a', { view })).toThrow(/presenter/);
    v.present('c1', 'b');
    expect(v.update('c1', 'b', { view }).rev).toBe(1);
    expect(() => v.handOver('c1', 'a', 'b')).toThrow(/presenter/);
    expect(v.handOver('c1', 'b', 'a').presenter?.memberId).toBe('a');
    expect(() => v.handOver('c1', 'a', 'nobody')).toThrow(/not in the shared viewing/);
    expect(() => v.present('c1', 'stranger')).toThrow(/Join/);
  });

  it('keeps the state for late joiners, clears the presenter who leaves, forgets an empty viewing', () => {
    const v = new SharedViewing();
    v.join('c1', member('a'));
    v.present('c1', 'a');
    v.update('c1', 'a', { view });
    expect(v.join('c1', member('b')).state).toMatchObject({ rev: 1, view });
    expect(v.leave('c1', 'a')?.presenter).toBeNull();
    expect(v.leave('c1', 'b')).toBeNull();
    expect(v.size).toBe(0);
  });
});
