import { describe, expect, it } from 'vitest';
import { byQueueNumber, canJoin, canReopen, consentState, expertActions, waitingSince } from './queue-model';

describe('queue model', () => {
  it('offers only legal actions per status; cancelled rows have none', () => {
    expect(expertActions({ status: 'checked_in', consultationId: null, consents: { telemedicine: true, recording: null } })).toEqual(['call', 'no_show']);
    expect(expertActions({ status: 'no_show', consultationId: null })).toEqual(['recall']);
    expect(expertActions({ status: 'called', consultationId: 'c1' })).toEqual(['open', 'recall', 'no_show']);
    expect(expertActions({ status: 'cancelled', consultationId: null })).toEqual([]);
    expect(expertActions({ status: 'completed', consultationId: null })).toEqual([]);
  });

  it('offers no call for a patient without a standing telemedicine consent, and a re-open after a decline', () => {
    const row = (telemedicine: boolean | null) => ({ status: 'checked_in' as const, consultationId: null, consents: { telemedicine, recording: null } });
    expect(expertActions(row(true))).toEqual(['call', 'no_show']);
    expect(expertActions(row(null))).toEqual(['no_show']);
    expect(expertActions(row(false))).toEqual(['no_show']);
    expect(expertActions({ status: 'consent_declined', consultationId: null, consents: { telemedicine: false, recording: null } })).toEqual([]);
    expect([true, false, null].map((t) => consentState(row(t)))).toEqual(['granted', 'declined', 'pending']);
    expect(canReopen({ status: 'consent_declined' })).toBe(true);
    expect(canReopen({ status: 'checked_in' })).toBe(false);
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
