import { describe, expect, it } from 'vitest';
import { byQueueNumber, canJoin, expertActions, waitingSince } from './queue-model';

describe('queue model', () => {
  it('offers only legal actions per status; cancelled rows have none', () => {
    expect(expertActions({ status: 'checked_in', consultationId: null })).toEqual(['call', 'no_show']);
    expect(expertActions({ status: 'no_show', consultationId: null })).toEqual(['recall']);
    expect(expertActions({ status: 'called', consultationId: 'c1' })).toEqual(['open', 'recall', 'no_show']);
    expect(expertActions({ status: 'cancelled', consultationId: null })).toEqual([]);
    expect(expertActions({ status: 'completed', consultationId: null })).toEqual([]);
  });

  it('lets the county doctor join only a running consultation', () => {
    expect(canJoin({ status: 'in_consultation', consultationId: 'c1' })).toBe(true);
    expect(canJoin({ status: 'checked_in', consultationId: null })).toBe(false);
    expect(canJoin({ status: 'completed', consultationId: 'c1' })).toBe(false);
  });

  it('measures the wait from check-in, or from the call', () => {
    const a = { checkedInAt: 't1', calledAt: 't2' };
    expect(waitingSince({ ...a, status: 'checked_in' })).toBe('t1');
    expect(waitingSince({ ...a, status: 'called' })).toBe('t2');
    expect(waitingSince({ ...a, status: 'completed' })).toBeNull();
  });

  it('orders by queue number', () => {
    expect(byQueueNumber([{ queueNumber: 3 }, { queueNumber: 1 }, { queueNumber: 2 }]).map((r) => r.queueNumber)).toEqual([1, 2, 3]);
  });
});
