import type { KioskAppointmentView } from '@cloudclinic/shared';
import { describe, expect, it } from 'vitest';
import { initialKioskFlow, kioskFlowReducer, kioskStep, resumePoint, type KioskFlowEvent, type KioskFlowState } from './kiosk-flow';
import { readResumePoint, writeResumePoint, KIOSK_STORAGE_KEY } from './kiosk-storage';

function appt(patch: Partial<KioskAppointmentView> = {}): KioskAppointmentView {
  return {
    id: 'a1',
    sessionId: 's1',
    code: 'ABCD23',
    queueNumber: 3,
    status: 'checked_in',
    patientLabel: '王*国',
    maskedId: null,
    hisPatientId: 'p-0001',
    patient: { sex: 'male', age: 70, hisNumber: 'SS1000001', verified: true },
    institution: { id: 'i1', name: '嵊泗县人民医院' },
    checkedInAt: '2026-11-23T01:00:00Z',
    calledAt: null,
    completedAt: null,
    consultationId: null,
    consents: { telemedicine: null, recording: null },
    position: 2,
    estimatedWaitMinutes: 10,
    typicalVisitMinutes: 10,
    currentVisitStartedAt: null,
    expertName: '陈建华',
    departmentName: '心血管内科',
    summary: null,
    ...patch,
  };
}

const consented = { telemedicine: true, recording: false };

function run(...events: KioskFlowEvent[]): KioskFlowState {
  return events.reduce(kioskFlowReducer, initialKioskFlow);
}

describe('kiosk flow', () => {
  it('walks check-in → consent → device check → waiting', () => {
    let s = run({ type: 'checkedIn', appointment: appt() });
    expect(kioskStep(s)).toBe('consent');
    s = kioskFlowReducer(s, { type: 'consentRecorded', appointment: appt({ consents: consented }) });
    expect(kioskStep(s)).toBe('device-check');
    s = kioskFlowReducer(s, { type: 'deviceCheckDone' });
    expect(kioskStep(s)).toBe('waiting');
  });

  it('enters the room by itself when the appointment is called with a consultation', () => {
    const waiting = run({ type: 'resumed', appointment: appt({ consents: consented }), deviceChecked: true });
    const called = kioskFlowReducer(waiting, { type: 'appointmentChanged', appointment: appt({ consents: consented, status: 'called', consultationId: 'c1' }) });
    expect(kioskStep(called)).toBe('in-room');
    const inConsultation = kioskFlowReducer(called, { type: 'appointmentChanged', appointment: appt({ consents: consented, status: 'in_consultation', consultationId: 'c1' }) });
    expect(kioskStep(inConsultation)).toBe('in-room');
  });

  it('does not skip consent or the device check when called early; goes straight in afterwards', () => {
    let s = run({ type: 'checkedIn', appointment: appt() });
    s = kioskFlowReducer(s, { type: 'appointmentChanged', appointment: appt({ status: 'called', consultationId: 'c1' }) });
    expect(kioskStep(s)).toBe('consent');
    s = kioskFlowReducer(s, { type: 'consentRecorded', appointment: appt({ status: 'called', consultationId: 'c1', consents: consented }) });
    s = kioskFlowReducer(s, { type: 'deviceCheckDone' });
    expect(kioskStep(s)).toBe('in-room');
  });

  it('shows the summary once completed and keeps it even if more changes arrive', () => {
    let s = run({ type: 'resumed', appointment: appt({ consents: consented, status: 'in_consultation', consultationId: 'c1' }), deviceChecked: true });
    s = kioskFlowReducer(s, { type: 'appointmentChanged', appointment: appt({ consents: consented, status: 'completed', consultationId: 'c1' }) });
    expect(kioskStep(s)).toBe('summary');
    s = kioskFlowReducer(s, { type: 'appointmentChanged', appointment: appt({ consents: consented, status: 'checked_in' }) });
    expect(kioskStep(s)).toBe('summary');
    expect(kioskStep(kioskFlowReducer(s, { type: 'reset' }))).toBe('checkin');
  });

  it('ignores a late push about another appointment', () => {
    const s = run({ type: 'resumed', appointment: appt({ consents: consented }), deviceChecked: true });
    const after = kioskFlowReducer(s, { type: 'appointmentChanged', appointment: appt({ id: 'other', status: 'called', consultationId: 'c9' }) });
    expect(after).toBe(s);
    expect(kioskFlowReducer(initialKioskFlow, { type: 'appointmentChanged', appointment: appt() })).toBe(initialKioskFlow);
  });

  it('declining consent returns to check-in with a notice', () => {
    const s = run({ type: 'checkedIn', appointment: appt() }, { type: 'consentDeclined' });
    expect(kioskStep(s)).toBe('checkin');
    expect(s.notice).toBe('consent_declined');
  });

  it('a reload resumes where the patient was (sessionStorage keeps only ids)', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
    const s = run({ type: 'checkedIn', appointment: appt({ consents: consented }) }, { type: 'deviceCheckDone' });
    writeResumePoint(storage, resumePoint(s));
    expect(readResumePoint(storage)).toEqual({ appointmentId: 'a1', deviceChecked: true });
    expect(data.get(KIOSK_STORAGE_KEY)).not.toContain('王');
    writeResumePoint(storage, resumePoint(initialKioskFlow));
    expect(readResumePoint(storage)).toBeNull();
    data.set(KIOSK_STORAGE_KEY, '{oops');
    expect(readResumePoint(storage)).toBeNull();
  });

  it('返回 goes one step back: consent and the device check to the start (no patient left), waiting to the device check', () => {
    expect(run({ type: 'checkedIn', appointment: appt() }, { type: 'back' })).toEqual(initialKioskFlow);
    expect(run({ type: 'checkedIn', appointment: appt({ consents: consented }) }, { type: 'back' })).toEqual(initialKioskFlow);
    const waiting = run({ type: 'checkedIn', appointment: appt({ consents: consented }) }, { type: 'deviceCheckDone' });
    expect(kioskStep(waiting)).toBe('waiting');
    expect(kioskStep(kioskFlowReducer(waiting, { type: 'back' }))).toBe('device-check');
    expect(run({ type: 'back' })).toEqual(initialKioskFlow);
  });
});
