import { describe, expect, it } from 'vitest';
import { MemoryViewing } from './shared-viewing';

const member = (memberId: string, userId = memberId) => ({ memberId, userId, displayName: userId, participantRole: 'expert' as const });
const view = { studyUid: '1.2', seriesUid: '1.3', sliceIndex: 4, voi: null, camera: null, cine: { playing: false, fps: 20 } };

describe('MemoryViewing', () => {
  it('lets any member present, only the presenter update or hand over', async () => {
    const v = new MemoryViewing();
    await v.join('c1', member('a'));
    await v.join('c1', member('b'));
    await expect(v.update('c1', 'a', { view })).rejects.toThrow(/presenter/);
    await v.present('c1', 'b');
    expect((await v.update('c1', 'b', { view })).rev).toBe(1);
    await expect(v.handOver('c1', 'a', 'b')).rejects.toThrow(/presenter/);
    expect((await v.handOver('c1', 'b', 'a')).presenter?.memberId).toBe('a');
    await expect(v.handOver('c1', 'a', 'nobody')).rejects.toThrow(/not in the shared viewing/);
    await expect(v.present('c1', 'stranger')).rejects.toThrow(/Join/);
  });

  it('keeps the state for late joiners, clears the presenter who leaves, forgets an empty viewing', async () => {
    const v = new MemoryViewing();
    await v.join('c1', member('a'));
    await v.present('c1', 'a');
    await v.update('c1', 'a', { view });
    expect((await v.join('c1', member('b'))).state).toMatchObject({ rev: 1, view });
    expect((await v.leave('c1', 'a'))?.presenter).toBeNull();
    expect(await v.leave('c1', 'b')).toBeNull();
    expect(v.size).toBe(0);
  });
});
