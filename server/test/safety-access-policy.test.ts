import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BreakGlassListSchema, ConsultationRequestViewSchema, ConsultationViewSchema } from '@cloudclinic/shared';
import { SignalingClient } from './helpers/signaling-client';
import { startSafetyWorld, type SafetyWorld } from './helpers/safety-access';

const REASON = '急诊会诊：患者胸痛，当地无法处理';

describe('who may open and join a consultation for which patient', () => {
  let w: SafetyWorld;
  const sockets: SignalingClient[] = [];

  beforeAll(async () => {
    w = await startSafetyWorld(['admin', 'dr.chen', 'dr.he', 'kiosk.shengsi', 'kiosk.shengsi2', 'kiosk.daishan', 'doc.wang', 'doc.daishan', 'pharm.zhou', 'field.xu']);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await w?.srv.close();
  });

  const open = (as: string, body: Record<string, unknown>) => w.api[as]!.post('/consultations', { hisPatientId: 'p-0002', institutionId: w.inst['sscph'], invite: [], ...body });
  const socket = async (as: string) => {
    const s = await SignalingClient.connect(w.srv.url, w.tokens[as]);
    sockets.push(s);
    return s;
  };
  const breakGlass = async (invite: { userId: string; role: string }[] = [], hisPatientId = 'p-0002') => {
    const res = await open('dr.chen', { hisPatientId, invite, breakGlassReason: REASON });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return ConsultationViewSchema.parse(res.body).id;
  };

  it('refuses an expert without appointment or request; break-glass needs a reason, is flagged, audited and listed for the admin', async () => {
    const before = await w.srv.services.prisma.consultation.count();
    const bare = await open('dr.chen', {});
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe('consultation_request_required');
    expect((await open('dr.chen', { breakGlassReason: '看看' })).status).toBe(400); // a reason of substance
    expect(await w.srv.services.prisma.consultation.count()).toBe(before);

    const res = await open('dr.chen', { breakGlassReason: REASON });
    expect(res.status).toBe(201);
    expect(res.body.breakGlass).toBe(true);
    const audit = await w.srv.services.prisma.auditEvent.findMany({ where: { action: 'consultation.break_glass', consultationId: res.body.id } });
    expect(audit.map((a) => a.outcome)).toEqual(['flagged']);
    const list = BreakGlassListSchema.parse((await w.api['admin']!.get('/consultations/break-glass')).body);
    expect(list.consultations.find((c) => c.id === res.body.id)).toMatchObject({ reason: REASON, openedById: await w.userId('dr.chen') });
    for (const who of ['dr.chen', 'doc.wang', 'kiosk.shengsi']) expect((await w.api[who]!.get('/consultations/break-glass')).status, who).toBe(403);
    // Roles that never open consultations, with or without a reason.
    for (const who of ['kiosk.shengsi', 'doc.wang', 'pharm.zhou', 'field.xu']) expect((await open(who, { breakGlassReason: REASON })).status, who).toBe(403);
  });

  it('opens from a 远程会诊 request of the patient’s county when it is scheduled, with the assigned experts, once', async () => {
    const expertId = await w.userId('dr.chen');
    const at = new Date(Date.now() + 3600_000).toISOString();
    const body = { hisPatientId: 'p-0001', expertIds: [expertId], summary: '高血压十年，近一周血压控制不佳', question: '请调整降压方案', urgency: 'routine', preferredTimes: [{ from: at, to: new Date(Date.now() + 7200_000).toISOString() }] };
    expect((await w.api['doc.daishan']!.post('/consultations/requests', body)).body.code).toBe('patient_institution_mismatch');
    expect((await w.api['kiosk.shengsi']!.post('/consultations/requests', body)).status).toBe(403);
    expect((await w.api['doc.wang']!.post('/consultations/requests', { ...body, hisPatientId: 'p-9999' })).body.code).toBe('patient_not_in_his');
    const created = await w.api['doc.wang']!.post('/consultations/requests', body);
    expect(created.status).toBe(201);
    const request = ConsultationRequestViewSchema.parse(created.body);

    const withRequest = { hisPatientId: 'p-0001', requestId: request.id };
    expect((await open('dr.chen', withRequest)).status).toBe(403); // not scheduled yet
    expect((await w.api['dr.he']!.post(`/consultations/requests/${request.id}/schedule`, { at, expertIds: [expertId] })).status).toBe(403); // not asked
    const scheduled = await w.api['dr.chen']!.post(`/consultations/requests/${request.id}/schedule`, { at, expertIds: [expertId] });
    expect(scheduled.body.status).toBe('scheduled');
    expect((await w.api['dr.chen']!.post(`/consultations/requests/${request.id}/decline`, { reason: '已安排' })).body.code).toBe('invalid_state');

    expect((await open('dr.he', withRequest)).status).toBe(403); // another expert cannot use it
    const c = await w.api['dr.chen']!.get(`/consultations/${scheduled.body.consultationId}`);
    expect(c.status).toBe(200);
    expect(c.body.breakGlass).toBe(false);
    expect(c.body.requestId).toBe(request.id);
    // The assigned expert starts that same consultation (with the patient's kiosk); again adds nobody twice.
    const kiosk = { userId: await w.userId('kiosk.shengsi'), role: 'patient_kiosk' };
    const started = await open('dr.chen', { ...withRequest, institutionId: w.inst['sscph'], invite: [kiosk] });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ id: scheduled.body.consultationId, status: 'active' });
    const again = await open('dr.chen', { ...withRequest, invite: [kiosk] });
    expect(again.body.id).toBe(scheduled.body.consultationId);
    expect(await w.srv.services.prisma.consultationParticipant.count({ where: { consultationId: scheduled.body.consultationId } })).toBe(3);
  });

  it('never files a 岱山 patient under 嵊泗: REST opening (even break-glass) and field start are refused', async () => {
    const res = await open('dr.chen', { hisPatientId: 'p-0004', breakGlassReason: REASON });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('patient_institution_mismatch');
    const expertUserId = await w.userId('dr.chen');
    const field = await w.api['field.xu']!.post('/field/consultations', { hisPatientId: 'p-0004', institutionId: w.inst['sscph'], expertUserId });
    expect(field.status).toBe(422);
    expect(field.body.code).toBe('patient_institution_mismatch');
    expect((await w.api['field.xu']!.post('/field/consultations', { hisPatientId: 'p-9999', institutionId: w.inst['sscph'], expertUserId })).body.code).toBe('patient_not_in_his');
    expect(await w.srv.services.prisma.consultation.count({ where: { hisPatientId: { in: ['p-0004', 'p-9999'] } } })).toBe(0);
    expect((await w.api['field.xu']!.post('/field/consultations', { hisPatientId: 'p-0004', institutionId: w.inst['dsfph'], expertUserId })).status).toBe(201);
  });

  it('refuses invitations to a role the invitee does not hold, or to another county’s patient side', async () => {
    const invite = async (username: string, role: string) => {
      const res = await open('dr.chen', { breakGlassReason: REASON, invite: [{ userId: await w.userId(username), role }] });
      return res.status;
    };
    expect(await invite('kiosk.daishan', 'expert')).toBe(403);
    expect(await invite('kiosk.shengsi', 'expert')).toBe(403);
    expect(await invite('kiosk.daishan', 'patient_kiosk')).toBe(403);
    expect(await invite('doc.daishan', 'local_doctor')).toBe(403);
    expect(await invite('field.xu', 'expert')).toBe(403);
    expect(await invite('pharm.zhou', 'observer')).toBe(403);
    expect(await invite('kiosk.shengsi', 'patient_kiosk')).toBe(201);
    expect(await invite('dr.he', 'expert')).toBe(201);
  });

  it('ignores a participant row whose role the account does not hold (socket join and record read refused)', async () => {
    const id = await breakGlass();
    const kioskId = await w.userId('kiosk.daishan');
    await w.srv.services.prisma.consultationParticipant.create({ data: { consultationId: id, userId: kioskId, role: 'expert' } });
    const s = await socket('kiosk.daishan');
    expect(await s.request('room.join', { consultationId: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await w.api['kiosk.daishan']!.get(`/consultations/${id}/record`)).status).toBe(403);
    expect((await w.api['kiosk.daishan']!.get(`/consultations/${id}/note`)).status).toBe(403);
  });

  it('a field doctor joins only by invitation or their own field consultation', async () => {
    const id = await breakGlass();
    const s = await socket('field.xu');
    expect(await s.request('room.join', { consultationId: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await w.api['field.xu']!.get(`/consultations/${id}/record`)).status).toBe(403);
    const own = await w.api['field.xu']!.post('/field/consultations', { hisPatientId: 'p-0003', institutionId: w.inst['sscph'], expertUserId: await w.userId('dr.chen') });
    expect(own.status).toBe(201);
    expect(await s.request('room.join', { consultationId: own.body.id })).toMatchObject({ ok: true });
  });

  it('least access: the kiosk joins the room but never reads the record or the note', async () => {
    const id = await breakGlass([{ userId: await w.userId('kiosk.shengsi'), role: 'patient_kiosk' }]);
    const s = await socket('kiosk.shengsi');
    expect(await s.request('room.join', { consultationId: id })).toMatchObject({ ok: true });
    expect((await w.api['kiosk.shengsi']!.get(`/consultations/${id}/record`)).status).toBe(403);
    expect((await w.api['kiosk.shengsi']!.get(`/consultations/${id}/note`)).status).toBe(403);
    expect((await w.api['dr.chen']!.get(`/consultations/${id}/record`)).status).toBe(200);
    const audit = await w.srv.services.prisma.auditEvent.count({ where: { action: 'his.record.read', consultationId: id, outcome: 'forbidden' } });
    expect(audit).toBe(1);
  });

  it('ends every participant’s access with the consultation, except the expert’s and the local doctor’s reading', async () => {
    const id = await breakGlass([
      { userId: await w.userId('kiosk.shengsi'), role: 'patient_kiosk' },
      { userId: await w.userId('dr.he'), role: 'observer' },
    ]);
    await w.srv.services.prisma.consultation.update({ where: { id }, data: { status: 'ended', endedAt: new Date() } });
    for (const who of ['kiosk.shengsi', 'dr.he']) {
      expect((await w.api[who]!.get(`/consultations/${id}`)).status, who).toBe(403);
      expect(await (await socket(who)).request('room.join', { consultationId: id }), who).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const who of ['dr.chen', 'doc.wang']) {
      expect((await w.api[who]!.get(`/consultations/${id}`)).status, who).toBe(200);
      expect(await (await socket(who)).request('room.join', { consultationId: id }), who).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await w.api[who]!.get(`/consultations/${id}/record`)).status, who).toBe(403);
    }
  });
});
