import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskAppointmentViewSchema, QueueViewSchema, residentIdCheckChar } from '@cloudclinic/shared';
import { startSafetyWorld, type SafetyWorld } from './helpers/safety-access';

describe('one patient identity, checked against the county HIS', () => {
  let w: SafetyWorld;
  let sessionId = '';

  beforeAll(async () => {
    w = await startSafetyWorld(['admin', 'dr.chen', 'kiosk.shengsi', 'doc.wang']);
    sessionId = await w.session(['sscph', 'dsfph']);
  });
  afterAll(async () => {
    await w?.srv.close();
  });

  const book = (body: Record<string, unknown>) => w.api['admin']!.post(`/sessions/${sessionId}/appointments`, { institutionId: w.inst['sscph'], ...body });
  const count = (hisPatientId: string) => w.srv.services.prisma.appointment.count({ where: { sessionId, hisPatientId } });

  it('refuses p-0070 booked as 王建国: the name does not match the HIS record, and nothing is written', async () => {
    const real = await w.hisPatient('p-0070');
    expect(real.name).not.toBe('王建国');
    const res = await book({ hisPatientId: 'p-0070', patientName: '王建国' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('patient_identity_mismatch');
    expect(res.body.message).toMatch(/name does not match/);
    expect(JSON.stringify(res.body)).not.toContain(real.name); // the refusal never discloses the HIS's name
    expect(await count('p-0070')).toBe(0);
    const audit = await w.srv.services.prisma.auditEvent.count({ where: { action: 'appointment.book', outcome: 'patient_identity_mismatch', hisPatientId: 'p-0070' } });
    expect(audit).toBe(1);
  });

  it('refuses a HIS patient id, resident ID or name + birth date that the HIS does not know (422)', async () => {
    const unknown = await book({ hisPatientId: 'p-9999', patientName: '王建国' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('patient_not_in_his');
    const nobody = '11010519491231002';
    const byId = await book({ residentId: nobody + residentIdCheckChar(nobody), patientName: '王建国' });
    expect(byId.status).toBe(422);
    expect(byId.body.code).toBe('patient_not_in_his');
    const byBirth = await book({ patientName: '王建国', birthDate: '1956-03-13' });
    expect(byBirth.body.code).toBe('patient_not_in_his');
    const nothing = await book({ patientName: '王建国' });
    expect(nothing.status).toBe(400); // no identifier at all
    expect(await w.srv.services.prisma.appointment.count({ where: { sessionId } })).toBe(0);
  });

  it('refuses an id and a resident ID or birth date that belong to different people', async () => {
    const wrongId = await book({ hisPatientId: 'p-0001', patientName: '王建国', residentId: '330922194809300262' });
    expect(wrongId.status).toBe(422);
    expect(wrongId.body.message).toMatch(/resident ID/);
    const wrongBirth = await book({ hisPatientId: 'p-0001', patientName: '王建国', birthDate: '1956-03-13' });
    expect(wrongBirth.status).toBe(422);
    expect(await count('p-0001')).toBe(0);
  });

  it('refuses a 岱山 patient filed under 嵊泗 even when the session serves both', async () => {
    const res = await book({ hisPatientId: 'p-0004', patientName: '陈志明' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('patient_institution_mismatch');
    expect(await count('p-0004')).toBe(0);
    const right = await book({ hisPatientId: 'p-0004', patientName: '陈志明', institutionId: w.inst['dsfph'] });
    expect(right.status).toBe(201);
  });

  it('resolves by resident ID or name + birth date, and every row carries sex, age and (for staff) the HIS number', async () => {
    const byResident = await book({ residentId: '33092219560312013X', patientName: '王建国' });
    expect(byResident.status).toBe(201);
    expect(byResident.body).toMatchObject({ hisPatientId: 'p-0001', patientLabel: '王*国', patient: { sex: 'male', hisNumber: 'SS1000001', verified: true } });
    expect(byResident.body.patient.age).toBeGreaterThanOrEqual(69);
    const byBirth = await book({ patientName: '李秀英', birthDate: '1948-09-30' });
    expect(byBirth.status).toBe(201);
    expect(byBirth.body).toMatchObject({ hisPatientId: 'p-0002', patient: { sex: 'female', hisNumber: 'SS1000002' } });

    const queue = QueueViewSchema.parse((await w.api['dr.chen']!.get(`/sessions/${sessionId}/queue`)).body);
    const rows = queue.appointments.filter((a) => a.hisPatientId === 'p-0001' || a.hisPatientId === 'p-0002');
    expect(rows.map((r) => r.patient.hisNumber).sort()).toEqual(['SS1000001', 'SS1000002']);
    expect(QueueViewSchema.parse((await w.api['doc.wang']!.get(`/sessions/${sessionId}/queue`)).body).appointments.find((a) => a.id === byBirth.body.id)?.patient.hisNumber).toBe('SS1000002');

    // The public kiosk screen shows sex and age, never the HIS number.
    const kiosk = await w.api['kiosk.shengsi']!.post('/kiosk/check-in', { code: byResident.body.code });
    const view = KioskAppointmentViewSchema.parse(kiosk.body);
    expect(view.patient).toMatchObject({ sex: 'male', hisNumber: null });
  });
});
