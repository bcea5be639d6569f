import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirProblems } from '@cloudclinic/county-his/testing';
import { noteDocumentReference } from '../src/modules/records/note-writeback';
import { apiAs, type Api } from './helpers/api';
import { login, startTestServer, type TestServer } from './helpers/test-server';

async function consultationFor(srv: TestServer, hisPatientId: string, participants: { username: string; role: 'expert' | 'patient_kiosk' }[]) {
  const p = srv.services.prisma;
  const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
  const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId, note: { create: {} } } });
  for (const part of participants) {
    const u = await p.user.findUniqueOrThrow({ where: { username: part.username } });
    await p.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role: part.role } });
  }
  return c.id;
}

async function documentsFor(srv: TestServer, consultationId: string): Promise<unknown[]> {
  const res = await fetch(`${srv.his?.url}/DocumentReference?identifier=${encodeURIComponent(`urn:cloudclinic:consultation-note|${consultationId}/v1`)}`);
  const bundle = (await res.json()) as { entry?: { resource: unknown }[] };
  return (bundle.entry ?? []).map((e) => e.resource);
}

describe('the county HIS record beside the video', () => {
  let srv: TestServer;
  const api: Record<string, Api> = {};

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true });
    for (const u of ['admin', 'dr.chen', 'dr.lin', 'kiosk.shengsi', 'kiosk.daishan', 'doc.wang']) api[u] = apiAs(srv.url, (await login(srv.url, u)).accessToken);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('returns the patient’s record as a FHIR collection bundle to participants, allergies included', async () => {
    const id = await consultationFor(srv, 'p-0002', [{ username: 'dr.chen', role: 'expert' }]);
    const res = await api['dr.chen']!.get(`/consultations/${id}/record`);
    expect(res.status).toBe(200);
    expect(res.body.bundle.resourceType).toBe('Bundle');
    expect(res.body.bundle.type).toBe('collection');
    expect(res.body.partial).toBe(false);
    const resources: { resourceType: string; id: string; code?: { text?: string } }[] = res.body.bundle.entry.map((e: { resource: unknown }) => e.resource);
    expect(resources[0]).toMatchObject({ resourceType: 'Patient', id: 'p-0002' });
    // Least access: the full resident ID number never leaves the server.
    expect(JSON.stringify(res.body)).not.toContain('330922194809300262');
    const allergies = resources.filter((r) => r.resourceType === 'AllergyIntolerance');
    expect(allergies.map((a) => a.code?.text).join()).toContain('青霉素');
    expect(resources.some((r) => r.resourceType === 'Observation')).toBe(true);
    // The county doctor of the patient's institution may read it too.
    expect((await api['doc.wang']!.get(`/consultations/${id}/record`)).status).toBe(200);
  });

  it('refuses non-participants, other institutions and ended consultations with 403, and audits reads and denials', async () => {
    const id = await consultationFor(srv, 'p-0001', [{ username: 'dr.chen', role: 'expert' }, { username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
    expect((await api['dr.lin']!.get(`/consultations/${id}/record`)).status).toBe(403);
    expect((await api['kiosk.daishan']!.get(`/consultations/${id}/record`)).status).toBe(403);
    expect((await api['dr.chen']!.get(`/consultations/${id}/record`)).status).toBe(200);
    await api['dr.chen']!.put(`/consultations/${id}/note`, { baseRevision: 0, chiefComplaint: '复诊', assessment: '血压控制可', diagnoses: ['I10'], plan: '继续原方案' });
    expect((await api['dr.chen']!.post(`/consultations/${id}/end`)).status).toBe(200);
    expect((await api['dr.chen']!.get(`/consultations/${id}/record`)).status).toBe(403);

    const audit = await api['admin']!.get(`/audit?consultationId=${id}&action=his.record.read`);
    const outcomes = (audit.body.events as { outcome: string; actorRole: string; hisPatientId: string | null }[]).map((e) => `${e.actorRole}:${e.outcome}`).sort();
    expect(outcomes).toEqual(['expert:forbidden', 'expert:forbidden', 'expert:ok', 'kiosk:forbidden']);
    const ok = (audit.body.events as { outcome: string; hisPatientId: string | null }[]).find((e) => e.outcome === 'ok');
    expect(ok?.hisPatientId).toBe('p-0001');
  });

  it('says clearly when the HIS is down, and the consultation goes on', async () => {
    const id = await consultationFor(srv, 'p-0003', [{ username: 'dr.chen', role: 'expert' }]);
    srv.his?.setOutage(true);
    try {
      const res = await api['dr.chen']!.get(`/consultations/${id}/record`);
      expect(res.status).toBe(502);
      expect(res.body.code).toBe('upstream_unavailable');
      expect((await api['dr.chen']!.get(`/consultations/${id}`)).body.status).toBe('active');
    } finally {
      srv.his?.setOutage(false);
    }
  });

  it('writes the signed note back as a valid DocumentReference, surviving a HIS outage, exactly once', async () => {
    const id = await consultationFor(srv, 'p-0001', [{ username: 'dr.chen', role: 'expert' }]);
    await api['dr.chen']!.put(`/consultations/${id}/note`, { baseRevision: 0, chiefComplaint: '头晕一周', assessment: '高血压2级', diagnoses: ['I10'], plan: '调整降压药' });
    srv.his?.setOutage(true);
    expect((await api['dr.chen']!.post(`/consultations/${id}/end`)).status).toBe(200);
    const job = async () => srv.services.prisma.outboxJob.findUniqueOrThrow({ where: { dedupeKey: `note:${id}:v1` } });
    await expect.poll(async () => (await job()).attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect((await job()).status).toBe('pending');
    srv.his?.setOutage(false);
    await srv.services.prisma.outboxJob.update({ where: { dedupeKey: `note:${id}:v1` }, data: { nextAttemptAt: new Date() } });
    await expect.poll(async () => { const j = await job(); return j.status === 'done' ? 'done' : `${j.status} ${j.attempts} ${j.lastError}`; }, { timeout: 10_000 }).toBe('done');
    const docs = await documentsFor(srv, id);
    expect(docs).toHaveLength(1);
    expect(fhirProblems(docs[0])).toEqual([]);
    // A repeated delivery (e.g. a crash before the job was marked done) does not write a second copy.
    await srv.services.prisma.outboxJob.update({ where: { dedupeKey: `note:${id}:v1` }, data: { status: 'pending', nextAttemptAt: new Date() } });
    await srv.services.outbox.drain();
    expect(await documentsFor(srv, id)).toHaveLength(1);
  });

  it('builds a DocumentReference that validates as FHIR R4', () => {
    const doc = noteDocumentReference({
      consultationId: 'c1',
      hisPatientId: 'p-0001',
      version: 1,
      hash: 'abc',
      signedAt: '2026-11-23T02:00:00.000Z',
      authorName: '陈建华',
      authorInstitution: '浙江医院',
      content: { chiefComplaint: '胸闷', history: '', examination: '', assessment: '', plan: '' },
    });
    expect(fhirProblems(doc)).toEqual([]);
  });
});
