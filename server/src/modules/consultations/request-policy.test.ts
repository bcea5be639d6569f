import { describe, expect, it } from 'vitest';
import { RequestPolicy, type RequestActor, type RequestFacts } from './request-policy';

const county = (id = 'doc', inst = 'sscph'): RequestActor => ({ id, role: 'county_doctor', institutionId: inst, departmentId: null });
const expert = (id: string, dept: string | null): RequestActor => ({ id, role: 'expert', institutionId: 'zjh', departmentId: dept });
const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  institutionId: 'sscph',
  requestedById: 'doc',
  departmentId: 'cardio',
  wantedExpertIds: ['lin'],
  proposedExpertIds: [],
  status: 'submitted',
  started: false,
  ...over,
});

describe('RequestPolicy', () => {
  it('lets the coordinator and the experts asked handle it; another department’s expert, not named, neither sees nor acts', () => {
    expect(RequestPolicy.actions({ id: 'coord', role: 'admin', institutionId: 'zjh', departmentId: null }, facts())).toEqual(['schedule', 'decline', 'propose']);
    expect(RequestPolicy.actions(expert('chen', 'cardio'), facts())).toEqual(['schedule', 'decline', 'propose']);
    expect(RequestPolicy.actions(expert('lin', 'psych'), facts())).toEqual(['schedule', 'decline', 'propose']);
    expect(RequestPolicy.sees(expert('wu', 'psych'), facts())).toBe(false);
    expect(() => RequestPolicy.assertMay(expert('wu', 'psych'), facts(), 'schedule')).toThrow(/not yours/);
  });

  it('keeps another county out, and the filer alone answers and cancels until the consultation starts', () => {
    expect(RequestPolicy.sees(county('dai', 'dsfph'), facts())).toBe(false);
    expect(RequestPolicy.actions(county(), facts({ status: 'time_proposed' }))).toEqual(['respond', 'cancel']);
    expect(RequestPolicy.actions(county('colleague'), facts({ status: 'time_proposed' }))).toEqual([]);
    expect(RequestPolicy.actions(county(), facts({ status: 'scheduled' }))).toEqual(['cancel']);
    expect(() => RequestPolicy.assertMay(county(), facts({ status: 'scheduled', started: true }), 'cancel')).toThrow(/started/);
  });

  it('refuses kiosks, pharmacists and field doctors outright', () => {
    for (const role of ['kiosk', 'pharmacist', 'field_doctor'] as const) {
      expect(() => RequestPolicy.visible({ id: 'x', role, institutionId: 'sscph', departmentId: null })).toThrow();
    }
  });
});
