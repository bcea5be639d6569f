import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInvitation } from '../src/modules/field/invitation-token';
import { apiAs, type Api } from './helpers/api';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const SCTP = { numStreams: { OS: 1024, MIS: 1024 } };
const FINGERPRINT = { algorithm: 'sha-256', value: Array.from({ length: 32 }, () => 'AB').join(':') };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d10000000049454e44ae426082', 'hex');

describe('field medicine: invitations, field consultations, vitals, attachments, data channels', () => {
  let srv: TestServer;
  const api: Record<string, Api> = {};
  const tokens: Record<string, string> = {};
  const clients: SignalingClient[] = [];
  let consultationId = '';

  const userId = async (username: string) => (await srv.services.prisma.user.findUniqueOrThrow({ where: { username } })).id;
  const upload = (username: string, id: string, body: Buffer, type = 'image/png') =>
    fetch(`${srv.url}/api/consultations/${id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens[username]}`, 'content-type': type }, body: new Uint8Array(body) });

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true });
    // A second field doctor of the ship, and one of another field team (a 120 ambulance station).
    const p = srv.services.prisma;
    const ship = await p.institution.findFirstOrThrow({ where: { kind: 'mobile_clinic' } });
    const ambulance = await p.institution.create({ data: { code: 'zs120', name: '舟山市急救中心', nameEn: 'Zhoushan 120', kind: 'mobile_clinic' } });
    const field = await p.user.findUniqueOrThrow({ where: { username: 'field.xu' } });
    await p.user.create({ data: { username: 'field.two', passwordHash: field.passwordHash, displayName: '周医生', role: 'field_doctor', institutionId: ship.id } });
    await p.user.create({ data: { username: 'field.amb', passwordHash: field.passwordHash, displayName: '何医生', role: 'field_doctor', institutionId: ambulance.id } });
    for (const u of ['dr.chen', 'dr.lin', 'field.xu', 'field.two', 'field.amb', 'kiosk.shengsi', 'admin']) {
      tokens[u] = (await login(srv.url, u)).accessToken;
      api[u] = apiAs(srv.url, tokens[u]);
    }
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await api['dr.chen']!.post('/consultations', { kind: 'field', hisPatientId: 'p-0001', institutionId: inst.id, invite: [], breakGlassReason: '海上急诊会诊：船上患者胸痛，需专家即刻指导' });
    expect(c.status).toBe(201);
    consultationId = c.body.id;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await srv?.close();
  });

  it('lets only the consultation’s expert invite, and a field doctor of the invited team join with the link', async () => {
    expect((await api['dr.lin']!.post(`/consultations/${consultationId}/invitations`, {})).status).toBe(403);
    expect((await api['field.xu']!.post(`/consultations/${consultationId}/invitations`, {})).status).toBe(403);

    const inv = await api['dr.chen']!.post(`/consultations/${consultationId}/invitations`, {});
    expect(inv.status).toBe(201);
    expect(inv.body.path).toMatch(/^\/field\/join\?t=/);
    expect(Date.parse(inv.body.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(inv.body.institution.name).toBe('共富方舟');

    // Before accepting, the field doctor may not join the room.
    const before = await SignalingClient.connect(srv.url, tokens['field.xu']);
    clients.push(before);
    expect(await before.request('room.join', { consultationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const accepted = await api['field.xu']!.post('/field/invitations/accept', { token: inv.body.token });
    expect(accepted).toMatchObject({ status: 200, body: { consultationId } });
    // Accepting again (a reload on the phone) is fine; another doctor with the same link is refused.
    expect((await api['field.xu']!.post('/field/invitations/accept', { token: inv.body.token })).status).toBe(200);
    const stolen = await api['field.two']!.post('/field/invitations/accept', { token: inv.body.token });
    expect(stolen).toMatchObject({ status: 403, body: { code: 'forbidden' } });

    const view = await api['field.xu']!.get(`/consultations/${consultationId}`);
    expect(view.body.myRole).toBe('field_doctor');
    expect(await before.ok('room.join', { consultationId })).toHaveProperty('peerId');

    const audit = await api['admin']!.get(`/audit?consultationId=${consultationId}&action=field.invitation`);
    const outcomes = audit.body.events.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`);
    expect(outcomes, JSON.stringify(audit.body)).toEqual(expect.arrayContaining(['field.invitation.create:ok', 'field.invitation.create:forbidden', 'field.invitation.accept:ok', 'field.invitation.accept:forbidden']));
  });

  it('refuses expired, foreign, forged and non-field-doctor acceptances with clear codes', async () => {
    const p = srv.services.prisma;
    // A token whose JWT expiry passed: 410 invitation_expired.
    const inv = await api['dr.chen']!.post(`/consultations/${consultationId}/invitations`, { ttlSeconds: 60 });
    const row = await p.fieldInvitation.findFirstOrThrow({ where: { consultationId }, orderBy: { createdAt: 'desc' } });
    const expiredToken = await signInvitation(srv.services.config.jwtSecret, { consultationId, invitationId: row.id, institutionId: row.institutionId, expiresAt: new Date(Date.now() - 1000) });
    const expired = await api['field.two']!.post('/field/invitations/accept', { token: expiredToken });
    expect(expired).toMatchObject({ status: 410, body: { code: 'invitation_expired' } });
    expect(expired.body.message).toMatch(/expired/);
    // The row expired (the token itself still looks fresh): 410 as well.
    await p.fieldInvitation.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await api['field.two']!.post('/field/invitations/accept', { token: inv.body.token })).status).toBe(410);

    // Another field team (the ambulance station) may not use the ship's invitation.
    const ship = await api['dr.chen']!.post(`/consultations/${consultationId}/invitations`, {});
    const foreign = await api['field.amb']!.post('/field/invitations/accept', { token: ship.body.token });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(foreign.body.message).toMatch(/another institution/);

    // Signed with another secret, or an access token in its place: 403.
    const forged = await signInvitation('x'.repeat(40), { consultationId, invitationId: crypto.randomUUID(), institutionId: row.institutionId, expiresAt: new Date(Date.now() + 60_000) });
    expect((await api['field.two']!.post('/field/invitations/accept', { token: forged })).status).toBe(403);
    expect((await api['field.two']!.post('/field/invitations/accept', { token: tokens['field.two'] })).status).toBe(403);
    // Only field doctors accept.
    expect((await api['dr.lin']!.post('/field/invitations/accept', { token: ship.body.token })).status).toBe(403);

    const refusals = await api['admin']!.get(`/audit?action=field.invitation.accept`);
    expect(refusals.body.events.map((e: { outcome: string }) => e.outcome)).toEqual(expect.arrayContaining(['invitation_expired', 'forbidden']));
  });

  it('forwards the ECG channel with partial reliability and the numbers channel reliably', async () => {
    const joinReady = async (username: string) => {
      const c = await SignalingClient.connect(srv.url, tokens[username]);
      clients.push(c);
      const join = await c.ok('room.join', { consultationId });
      const send = await c.ok('transport.create', { direction: 'send', sctpCapabilities: SCTP });
      const recv = await c.ok('transport.create', { direction: 'recv', sctpCapabilities: SCTP });
      await c.ok('transport.connect', { transportId: recv['id'], dtlsParameters: { role: 'client', fingerprints: [FINGERPRINT] } });
      await c.ok('room.ready', { rtpCapabilities: join['routerRtpCapabilities'], sctpCapabilities: SCTP });
      return { c, sendId: String(send['id']) };
    };
    const expert = await joinReady('dr.chen');
    const field = await joinReady('field.xu');
    await field.c.ok('dataProducer.create', { transportId: field.sendId, sctpStreamParameters: { streamId: 1, ordered: false, maxPacketLifeTime: 200 }, label: 'vitals.ecg' });
    await field.c.ok('dataProducer.create', { transportId: field.sendId, sctpStreamParameters: { streamId: 2, ordered: true }, label: 'vitals.numbers' });
    // Only the field doctor sends vitals, only the expert marks.
    expect(await expert.c.request('dataProducer.create', { transportId: expert.sendId, sctpStreamParameters: { streamId: 3, ordered: true }, label: 'vitals.numbers' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await field.c.request('dataProducer.create', { transportId: field.sendId, sctpStreamParameters: { streamId: 4, ordered: true }, label: 'marks' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ecg = await expert.c.waitFor('dataConsumer.new', (d) => (d as { label: string }).label === 'vitals.ecg');
    const numbers = await expert.c.waitFor('dataConsumer.new', (d) => (d as { label: string }).label === 'vitals.numbers');
    expect((ecg.data as { sctpStreamParameters: object }).sctpStreamParameters).toMatchObject({ ordered: false, maxPacketLifeTime: 200 });
    expect((numbers.data as { sctpStreamParameters: object }).sctpStreamParameters).toMatchObject({ ordered: true });
    expert.c.close();
    field.c.close();
  });

  it('keeps vital signs in the record once and writes them to the HIS as vital-signs Observations', async () => {
    const readingId = crypto.randomUUID();
    const reading = { readingId, takenAt: new Date().toISOString(), heartRate: 128, spo2: 88, systolic: 142, diastolic: 91, respiratoryRate: 24, temperature: 37.9 };
    expect((await api['dr.chen']!.post(`/consultations/${consultationId}/vitals`, { readings: [reading] })).status).toBe(403);
    const first = await api['field.xu']!.post(`/consultations/${consultationId}/vitals`, { readings: [reading] });
    expect(first).toMatchObject({ status: 200, body: { stored: 1, duplicates: 0 } });
    const again = await api['field.xu']!.post(`/consultations/${consultationId}/vitals`, { readings: [reading] });
    expect(again.body).toMatchObject({ stored: 0, duplicates: 1 });
    expect((await api['field.xu']!.post(`/consultations/${consultationId}/vitals`, { readings: [{ ...reading, readingId: crypto.randomUUID(), spo2: 140 }] })).status).toBe(400);

    const list = await api['dr.chen']!.get(`/consultations/${consultationId}/vitals`);
    expect(list.body.readings).toHaveLength(1);
    expect(list.body.readings[0]).toMatchObject({ heartRate: 128, spo2: 88 });

    await srv.services.outbox.drain();
    const search = await fetch(`${srv.his?.url}/Observation?identifier=${encodeURIComponent(`urn:cloudclinic:vitals|${readingId}/hr`)}`);
    const bundle = (await search.json()) as { total: number; entry: { resource: Record<string, unknown> }[] };
    expect(bundle.total).toBe(1);
    expect(bundle.entry[0]?.resource).toMatchObject({
      category: [{ coding: [{ code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      valueQuantity: { value: 128, code: '/min' },
      subject: { reference: 'Patient/p-0001' },
    });
    const codes: string[] = [];
    for (const key of ['spo2', 'bp', 'rr', 'temp']) {
      const res = await fetch(`${srv.his?.url}/Observation?identifier=${encodeURIComponent(`urn:cloudclinic:vitals|${readingId}/${key}`)}`);
      const b = (await res.json()) as { entry: { resource: { code: { coding: { code: string }[] } } }[] };
      codes.push(...(b.entry[0]?.resource.code.coding.map((c) => c.code) ?? []));
    }
    expect(codes).toEqual(['59408-5', '2708-6', '85354-9', '9279-1', '8310-5']);
  });

  it('stores snapshots in the record for participants only, within the size limit', async () => {
    const created = await upload('dr.chen', consultationId, PNG);
    expect(created.status).toBe(201);
    const att = (await created.json()) as { id: string; mime: string; size: number };
    expect(att).toMatchObject({ mime: 'image/png', size: PNG.length });
    expect((await upload('field.xu', consultationId, PNG)).status).toBe(201);

    const list = await api['field.xu']!.get(`/consultations/${consultationId}/attachments`);
    expect(list.body.attachments).toHaveLength(2);
    const bytes = await fetch(`${srv.url}/api/consultations/${consultationId}/attachments/${att.id}`, { headers: { authorization: `Bearer ${tokens['dr.chen']}` } });
    expect(bytes.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await bytes.arrayBuffer()).equals(PNG)).toBe(true);

    expect((await upload('dr.lin', consultationId, PNG)).status).toBe(403);
    expect((await api['dr.lin']!.get(`/consultations/${consultationId}/attachments`)).status).toBe(403);
    expect((await upload('dr.chen', consultationId, Buffer.from('not a png at all'))).status).toBe(400);
    expect((await upload('dr.chen', consultationId, PNG, 'text/html')).status).toBe(400);
    const huge = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const tooBig = await upload('dr.chen', consultationId, huge);
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { code: string }).code).toBe('payload_too_large');
  });

  it('lets an ambulance crew open a field consultation for the receiving expert (上车即入院)', async () => {
    const inst = await srv.services.prisma.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const expertId = await userId('dr.chen');
    expect((await api['dr.lin']!.post('/field/consultations', { hisPatientId: 'p-0002', institutionId: inst.id, expertUserId: expertId })).status).toBe(403);
    expect((await api['field.amb']!.post('/field/consultations', { hisPatientId: 'p-0002', institutionId: inst.id, expertUserId: await userId('field.two') })).status).toBe(400);
    const dir = await api['field.amb']!.get('/field/directory');
    expect(dir.body.experts.some((e: { id: string }) => e.id === expertId)).toBe(true);
    const started = await api['field.amb']!.post('/field/consultations', { hisPatientId: 'p-0002', institutionId: inst.id, expertUserId: expertId });
    expect(started).toMatchObject({ status: 201, body: { kind: 'field', myRole: 'field_doctor' } });
    const incoming = await api['dr.chen']!.get('/field/consultations');
    expect(incoming.body.consultations.map((c: { id: string }) => c.id)).toContain(started.body.id);
    // The expert may join the room at once.
    const expert = await SignalingClient.connect(srv.url, tokens['dr.chen']);
    clients.push(expert);
    expect(await expert.ok('room.join', { consultationId: started.body.id })).toHaveProperty('peerId');
  });
});
