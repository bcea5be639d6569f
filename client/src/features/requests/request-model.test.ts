import type { ConsultationRequestView } from '@cloudclinic/shared';
import { describe, expect, it } from 'vitest';
import { inboxOrder, isoToLocal, localToIso, responseClock } from './request-model';

const at = (iso: string) => Date.parse(iso);
const base = { urgency: 'urgent', respondedAt: null, status: 'submitted', createdAt: '2026-12-06T08:00:00.000Z' } as const;

describe('request model', () => {
  it('runs the response clock only for an unanswered urgent request, overdue from 30 minutes', () => {
    expect(responseClock(base, at('2026-12-06T08:29:59Z'))).toEqual({ minutes: 29, overdue: false });
    expect(responseClock(base, at('2026-12-06T08:30:00Z'))).toEqual({ minutes: 30, overdue: true });
    expect(responseClock({ ...base, urgency: 'routine' }, at('2026-12-06T10:00:00Z'))).toBeNull();
    expect(responseClock({ ...base, respondedAt: '2026-12-06T08:10:00Z', status: 'time_proposed' }, at('2026-12-06T10:00:00Z'))).toBeNull();
  });

  it('puts open urgent requests first, then open ones, newest first', () => {
    const r = (id: string, over: Partial<ConsultationRequestView>) => ({ ...base, id, ...over }) as ConsultationRequestView;
    const list = [r('closed', { status: 'scheduled', createdAt: '2026-12-06T09:00:00Z' }), r('routine', { urgency: 'routine' }), r('old', {}), r('new', { createdAt: '2026-12-06T08:05:00Z' })];
    expect(inboxOrder(list).map((x) => x.id)).toEqual(['new', 'old', 'routine', 'closed']);
  });

  it('converts datetime-local values both ways', () => {
    const ms = at('2026-12-06T08:30:00Z');
    expect(localToIso(isoToLocal(ms))).toBe('2026-12-06T08:30:00.000Z');
    expect(localToIso('')).toBeNull();
    expect(localToIso('not a time')).toBeNull();
  });
});
