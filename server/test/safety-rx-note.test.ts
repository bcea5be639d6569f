import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '@cloudclinic/county-his';
import { KioskAppointmentViewSchema, NoteViewSchema } from '@cloudclinic/shared';
import { dbTargets } from './helpers/test-database';
import { apiClient as client, calledVisit, ownSession as sharedOwnSession, type ApiClient as Client } from './helpers/clinic-visit';
import { login, startTestServer, type TestServer } from './helpers/test-server';



describe.each(dbTargets())('a note worth signing (%s)', (target) => {
  let his: CountyHisHandle;
  let srv: TestServer;
  const as: Record<string, Client> = {};
  let sscph = '';
  let sessionId = '';

  const ownSession = (expert: string) => sharedOwnSession(srv, as['admin']!, expert, sscph);

  async function consultation(hisPatientId: string, name: string): Promise<{ consultationId: string; appointmentId: string }> {
    sessionId ||= await ownSession('dr.chen');
    return calledVisit({ admin: as['admin']!, kiosk: as['kiosk.shengsi']!, expert: as['dr.chen']! }, sessionId, { hisPatientId, name, institutionId: sscph });
  }

  /** Nothing of the end may remain after a refused end. */
  async function nothingEnded(consultationId: string, appointmentId: string) {
    expect((await as['dr.chen']!('GET', `/consultations/${consultationId}`)).body.status).toBe('active');
    expect((await srv.services.prisma.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).status).not.toBe('completed');
    expect(await srv.services.prisma.noteVersion.count({ where: { note: { consultationId } } })).toBe(0);
    expect(await srv.services.prisma.outboxJob.count({ where: { dedupeKey: { startsWith: `note:${consultationId}` } } })).toBe(0);
  }

  beforeAll(async () => {
    his = await startCountyHis();
    srv = await startTestServer(target, { HIS_FHIR_BASE_URL: his.url, OUTBOX_POLL_MS: 60_000 });
    sscph = (await srv.services.prisma.institution.findMany()).find((i) => i.code === 'sscph')?.id ?? '';
    for (const u of ['admin', 'dr.chen', 'kiosk.shengsi']) as[u] = client(srv.url, (await login(srv.url, u)).accessToken);
  });
  afterAll(async () => {
    await srv?.close();
    await his?.close();
  });

  it('an empty note cannot end the visit: 422 lists chief complaint, assessment, coded diagnosis and plan, and nothing changes', async () => {
    const { consultationId, appointmentId } = await consultation('p-0001', '王建国');
    const note = NoteViewSchema.parse((await as['dr.chen']!('GET', `/consultations/${consultationId}/note`)).body);
    expect(note.missing).toEqual(['chiefComplaint', 'assessment', 'diagnosis', 'plan']);
    const res = await as['dr.chen']!('POST', `/consultations/${consultationId}/end`);
    expect([res.status, res.body.code, res.body.details.missing]).toEqual([422, 'incomplete', ['chiefComplaint', 'assessment', 'diagnosis', 'plan']]);
    expect(res.body.message).toContain('主诉');
    await nothingEnded(consultationId, appointmentId);

    // Whitespace is not a chief complaint; an assessment without a coded diagnosis is not enough.
    const saved = await as['dr.chen']!('PUT', `/consultations/${consultationId}/note`, { baseRevision: note.revision, chiefComplaint: '   ', assessment: '血压控制欠佳', plan: '调整用药' });
    expect(saved.body.missing).toEqual(['chiefComplaint', 'diagnosis']);
    expect((await as['dr.chen']!('POST', `/consultations/${consultationId}/end`)).body.details.missing).toEqual(['chiefComplaint', 'diagnosis']);
    await nothingEnded(consultationId, appointmentId);
  });

  it('diagnoses are ICD-10 codes from the bundled list; a complete note ends the visit once, signed with its codes, and the HIS and kiosk get the diagnosis', async () => {
    const { consultationId, appointmentId } = await consultation('p-0002', '李秀英');
    const unknown = await as['dr.chen']!('PUT', `/consultations/${consultationId}/note`, { baseRevision: 0, diagnoses: ['Z99.99'] });
    expect([unknown.status, unknown.body.details.unknownCodes]).toEqual([400, ['Z99.99']]);
    expect((await as['dr.chen']!('PUT', `/consultations/${consultationId}/note`, { baseRevision: 0, diagnoses: ['<script>'] })).status).toBe(400);
    const saved = await as['dr.chen']!('PUT', `/consultations/${consultationId}/note`, { baseRevision: 0, chiefComplaint: '胸闷两周', assessment: '劳力性心绞痛', diagnoses: ['i20.9', 'I10'], plan: '单硝酸异山梨酯，复查心电图' });
    expect(saved.status).toBe(200);
    expect(NoteViewSchema.parse(saved.body)).toMatchObject({ missing: [], diagnoses: [{ code: 'I20.9', zh: '心绞痛' }, { code: 'I10', zh: '原发性高血压' }] });

    // Two ends at the same moment: one ends the visit, the other is told it has ended.
    const ends = await Promise.all([as['dr.chen']!('POST', `/consultations/${consultationId}/end`), as['dr.chen']!('POST', `/consultations/${consultationId}/end`)]);
    expect(ends.map((e) => e.status).sort()).toEqual([200, 409]);
    expect(await srv.services.prisma.noteVersion.count({ where: { note: { consultationId } } })).toBe(1);
    const version = await srv.services.prisma.noteVersion.findFirstOrThrow({ where: { note: { consultationId } } });
    expect(version.content).toMatchObject({ diagnoses: [{ code: 'I20.9' }, { code: 'I10' }] });
    const job = await srv.services.prisma.outboxJob.findUniqueOrThrow({ where: { dedupeKey: `note:${consultationId}:v1` } });
    expect(JSON.stringify(job.payload)).toContain('诊断（ICD-10）：I20.9 心绞痛；I10 原发性高血压');
    const kiosk = KioskAppointmentViewSchema.parse((await as['kiosk.shengsi']!('GET', `/appointments/${appointmentId}`)).body);
    expect(kiosk.summary?.assessment).toBe('劳力性心绞痛');

    // An amendment must stay complete.
    const amend = await as['dr.chen']!('POST', `/consultations/${consultationId}/note/amendments`, { chiefComplaint: '胸闷两周', history: '', examination: '', assessment: '劳力性心绞痛', plan: '', reason: '补充处理意见' });
    expect([amend.status, amend.body.details.missing]).toEqual([422, ['diagnosis', 'plan']]);
  });
});
