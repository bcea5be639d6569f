import { demoStudiesOf } from '@cloudclinic/pacs-seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type TestServer } from './helpers/test-server';

type ParticipantRole = 'expert' | 'patient_kiosk' | 'local_doctor' | 'field_doctor';

const [ctStudy, crStudy] = demoStudiesOf('p-0001');
const [usStudy, mrStudy] = demoStudiesOf('p-0002');
if (!ctStudy || !crStudy || !usStudy || !mrStudy) throw new Error('demo imaging catalogue changed');
const ctSeries = ctStudy.series[0];
if (!ctSeries) throw new Error('demo CT has no series');

describe('DICOMweb proxy against a real Orthanc', () => {
  let srv: TestServer;
  const tokens: Record<string, string> = {};

  async function consultationFor(patient: string, participants: { username: string; role: ParticipantRole }[], status: 'active' | 'ended' = 'active') {
    const p = srv.services.prisma;
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status, institutionId: inst.id, hisPatientId: patient } });
    for (const part of participants) {
      const u = await p.user.findUniqueOrThrow({ where: { username: part.username } });
      await p.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role: part.role } });
    }
    return c.id;
  }

  const get = (user: string | null, path: string, accept?: string) =>
    fetch(`${srv.url}/api/dicomweb/${path}`, { headers: { ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}), ...(accept ? { accept } : {}) } });

  const auditRows = (consultationId: string, action: string) =>
    srv.services.prisma.auditEvent.findMany({ where: { consultationId, action }, orderBy: { at: 'asc' } });

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { pacs: ['p-0001', 'p-0002'] });
    for (const u of ['dr.chen', 'dr.lin', 'kiosk.shengsi', 'doc.wang']) tokens[u] = (await login(srv.url, u)).accessToken;
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  it('QIDO-RS: a participant finds exactly the studies of the consultation patient', async () => {
    const id = await consultationFor('p-0001', [{ username: 'dr.chen', role: 'expert' }]);
    // The client's own PatientID filter is replaced by the consultation's patient.
    const res = await get('dr.chen', `${id}/studies?PatientID=p-0002&includefield=00081030`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/dicom\+json/);
    const studies = (await res.json()) as Record<string, { Value?: unknown[] }>[];
    expect(studies.map((s) => s['0020000D']?.Value?.[0]).sort()).toEqual([ctStudy.uid, crStudy.uid].sort());
    expect(new Set(studies.map((s) => s['00100020']?.Value?.[0]))).toEqual(new Set(['p-0001']));
    const search = await auditRows(id, 'imaging.search');
    expect(search).toMatchObject([{ outcome: 'ok', hisPatientId: 'p-0001' }]);
  });

  it('WADO-RS: series metadata and frames stream through with DICOMweb content types', async () => {
    const id = await consultationFor('p-0001', [{ username: 'dr.chen', role: 'expert' }, { username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
    const meta = await get('kiosk.shengsi', `${id}/studies/${ctStudy.uid}/series/${ctSeries.uid}/metadata`);
    expect(meta.status).toBe(200);
    expect(meta.headers.get('content-type')).toMatch(/^application\/dicom\+json/);
    const instances = (await meta.json()) as Record<string, { Value?: unknown[] }>[];
    expect(instances).toHaveLength(ctSeries.instances);
    const first = instances.find((i) => i['00200013']?.Value?.[0] === 1);
    expect(first?.['00100010']?.Value?.[0]).toMatchObject({ Ideographic: '王^建国' });
    const sop = String(first?.['00080018']?.Value?.[0]);

    const frame = await get('kiosk.shengsi', `${id}/studies/${ctStudy.uid}/series/${ctSeries.uid}/instances/${sop}/frames/1`, 'multipart/related; type="application/octet-stream"; transfer-syntax=*');
    expect(frame.status).toBe(200);
    const type = frame.headers.get('content-type') ?? '';
    expect(type).toMatch(/^multipart\/related/);
    const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
    expect(boundary).toBeTruthy();
    const body = Buffer.from(await frame.arrayBuffer());
    const start = body.indexOf('\r\n\r\n') + 4;
    const end = body.indexOf(`\r\n--${boundary}`, start);
    expect(end - start).toBe(256 * 256 * 2); // one uncompressed 16-bit 256×256 CT slice

    // A series thumbnail (WADO-RS Retrieve Rendered, list-valued parameter).
    const thumb = await get('kiosk.shengsi', `${id}/studies/${ctStudy.uid}/series/${ctSeries.uid}/rendered?viewport=96,96`, 'image/jpeg');
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await thumb.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    // A whole study as multipart Part 10 (several megabytes, relayed as a stream).
    const study = await get('dr.chen', `${id}/studies/${crStudy.uid}`, 'multipart/related; type="application/dicom"; transfer-syntax=*');
    expect(study.status).toBe(200);
    expect(study.headers.get('content-type')).toMatch(/^multipart\/related/);
    const bytes = Buffer.from(await study.arrayBuffer());
    expect(bytes.indexOf('DICM')).toBeGreaterThan(0);

    // Opening a study is audited once per user and study, however many frames are fetched.
    const opened = await auditRows(id, 'imaging.study.open');
    expect(opened.map((a) => [a.actorId, a.entityId, a.outcome])).toEqual(
      expect.arrayContaining([
        [expect.any(String), ctStudy.uid, 'ok'],
        [expect.any(String), crStudy.uid, 'ok'],
      ]),
    );
    expect(opened.filter((a) => a.entityId === ctStudy.uid)).toHaveLength(1);
    expect(opened.every((a) => a.hisPatientId === 'p-0001' && a.entityType === 'ImagingStudy')).toBe(true);
  });

  it('decodes names stored as GB18030: the DICOM JSON carries them as UTF-8', async () => {
    const id = await consultationFor('p-0002', [{ username: 'dr.chen', role: 'expert' }]);
    const res = await get('dr.chen', `${id}/studies/${mrStudy.uid}/metadata`);
    expect(res.status).toBe(200);
    const instances = (await res.json()) as Record<string, { Value?: unknown[] }>[];
    expect(instances[0]?.['00100010']?.Value?.[0]).toMatchObject({ Alphabetic: 'Li^Xiuying', Ideographic: '李^秀英' });
    expect(instances[0]?.['00080080']?.Value?.[0]).toBe('嵊泗县人民医院');
    // …while the stored Part 10 file really is GB18030 (李 = C0 EE).
    const sop = String(instances[0]?.['00080018']?.Value?.[0]);
    const series = String(instances[0]?.['0020000E']?.Value?.[0]);
    const part10 = await get('dr.chen', `${id}/studies/${mrStudy.uid}/series/${series}/instances/${sop}`, 'multipart/related; type="application/dicom"; transfer-syntax=*');
    const raw = Buffer.from(await part10.arrayBuffer());
    expect(raw.includes(Buffer.from('GB18030'))).toBe(true);
    expect(raw.includes(Buffer.from([0xc0, 0xee, 0x5e]))).toBe(true);
  });

  it("403 for another patient's study, audited", async () => {
    const id = await consultationFor('p-0001', [{ username: 'dr.chen', role: 'expert' }]);
    for (const path of [`${id}/studies/${usStudy.uid}/metadata`, `${id}/studies/${mrStudy.uid}`, `${id}/studies/${mrStudy.uid}/series`]) {
      const res = await get('dr.chen', path);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'forbidden' });
    }
    const refused = await auditRows(id, 'imaging.study.open');
    expect(refused.filter((a) => a.outcome === 'forbidden').map((a) => a.entityId)).toEqual([usStudy.uid, mrStudy.uid, mrStudy.uid]);
    // An unknown study is not found, not forbidden.
    expect((await get('dr.chen', `${id}/studies/1.2.3.4.5/metadata`)).status).toBe(404);
  });

  it('403 for a non-participant and for an ended consultation; 401 without a token', async () => {
    const id = await consultationFor('p-0001', [{ username: 'dr.chen', role: 'expert' }]);
    expect((await get('dr.lin', `${id}/studies`)).status).toBe(403);
    expect((await get('dr.lin', `${id}/studies/${ctStudy.uid}/series/${ctSeries.uid}/metadata`)).status).toBe(403);
    expect((await get(null, `${id}/studies`)).status).toBe(401);
    const denied = await srv.services.prisma.auditEvent.findMany({ where: { consultationId: id, outcome: 'forbidden' } });
    expect(denied.map((a) => a.action).sort()).toEqual(['imaging.search', 'imaging.study.open']);

    const ended = await consultationFor('p-0001', [{ username: 'dr.chen', role: 'expert' }], 'ended');
    expect((await get('dr.chen', `${ended}/studies`)).status).toBe(403);
    // The county doctor of the patient's institution takes part as the local doctor.
    expect((await get('doc.wang', `${id}/studies`)).status).toBe(200);
  });

  it('serves only read-only DICOMweb resources below the study', async () => {
    const id = await consultationFor('p-0001', [{ username: 'dr.chen', role: 'expert' }]);
    expect((await get('dr.chen', `${id}/series?PatientID=p-0002`)).status).toBe(404);
    expect((await get('dr.chen', `${id}/studies/${ctStudy.uid}/bulkdata/x`)).status).toBe(404);
    expect((await get('dr.chen', `${id}/studies/${ctStudy.uid}/series/${ctSeries.uid}/instances/1.2.3/frames/0`)).status).toBe(404);
    const stow = await fetch(`${srv.url}/api/dicomweb/${id}/studies`, { method: 'POST', headers: { authorization: `Bearer ${tokens['dr.chen']}` } });
    expect(stow.status).toBe(400);
    // A series of another study is not found below this study (the PACS checks the hierarchy).
    const foreignSeries = crStudy.series[0]?.uid;
    expect((await get('dr.chen', `${id}/studies/${ctStudy.uid}/series/${foreignSeries}/metadata`)).status).toBe(404);
  });
});
