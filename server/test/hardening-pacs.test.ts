import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoStudiesOf, seedDicomweb } from '@cloudclinic/pacs-seed';
import { HealthResponseSchema } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrthanc, type RunningOrthanc } from '../../scripts/lib/orthanc.mjs';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const [ctStudy] = demoStudiesOf('p-0001');
const ctSeries = ctStudy?.series[0];
if (!ctStudy || !ctSeries) throw new Error('demo imaging catalogue changed');

/** Polls `fn` until it returns true (or fails the test after `timeoutMs`). */
async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the PACS behind the proxy', () => {
  let orthanc: RunningOrthanc;
  let srv: TestServer;
  let storageDir: string;
  let token: string;
  let consultationId: string;

  beforeAll(async () => {
    storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-pacs-hardening-'));
    // A restart delay long enough to observe the PACS down through the app.
    orthanc = await startOrthanc({ storageDir, name: 'CloudClinic hardening PACS', restart: { initialDelayMs: 1_500 } });
    await seedDicomweb({ baseUrl: orthanc.dicomwebUrl, patientIds: ['p-0001'] });
    srv = await startTestServer('pglite', { PACS_DICOMWEB_URL: orthanc.dicomwebUrl });
    token = (await login(srv.url, 'kiosk.shengsi')).accessToken;
    const p = srv.services.prisma;
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
    const kiosk = await p.user.findUniqueOrThrow({ where: { username: 'kiosk.shengsi' } });
    await p.consultationParticipant.create({ data: { consultationId: c.id, userId: kiosk.id, role: 'patient_kiosk' } });
    consultationId = c.id;
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
    await orthanc?.stop();
    fs.rmSync(storageDir, { recursive: true, force: true });
  });

  const rendered = (query: string) =>
    fetch(`${srv.url}/api/dicomweb/${consultationId}/studies/${ctStudy.uid}/series/${ctSeries.uid}/rendered${query}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'image/jpeg' },
    });
  const orthancAnswers = async () => {
    const res = await fetch(`${orthanc.restUrl}/dicom-web/studies?limit=1`, { headers: { authorization: orthanc.authorization } });
    await res.arrayBuffer();
    return res.ok;
  };
  const pacsHealth = async () => {
    const admin = (await login(srv.url, 'admin')).accessToken;
    const res = await fetch(`${srv.url}/api/health`, { headers: { authorization: `Bearer ${admin}` } });
    return HealthResponseSchema.parse(await res.json()).integrations?.['pacs'];
  };

  it('refuses hostile rendering parameters with 400 before they reach Orthanc, which keeps serving', async () => {
    const pid = orthanc.orthancPid();
    for (const query of ['?viewport=999999,999999', '?viewport=96,96&annotation=patient', '?quality=101', '?viewport=96,96&viewport=97,97', '?window=1,1e12,linear']) {
      const res = await rendered(query);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'bad_request' });
    }
    // The thumbnail on other series also refuses, the hostile one through `thumbnail` too.
    const thumb = await fetch(`${srv.url}/api/dicomweb/${consultationId}/studies/${ctStudy.uid}/series/${ctSeries.uid}/thumbnail?viewport=999999,999999`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(thumb.status).toBe(400);
    expect(await orthancAnswers()).toBe(true);
    expect(orthanc.orthancPid()).toBe(pid);
    expect(orthanc.restarts()).toBe(0);
    const ok = await rendered('?viewport=2048,2048&quality=90');
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('Orthanc killed: health shows the PACS unreachable, the supervisor brings it back and it serves studies', async () => {
    await until('health to know the PACS', async () => (await pacsHealth())?.reachable === true);
    const pid = orthanc.orthancPid();
    expect(pid).not.toBeNull();
    process.kill(pid ?? 0, 'SIGKILL');
    // While it is down the proxy answers 502 and health says so.
    await until('the PACS to be seen down', async () => {
      const res = await rendered('?viewport=96,96');
      await res.arrayBuffer();
      return res.status === 502 && (await pacsHealth())?.reachable === false;
    });
    await until('Orthanc to be restarted', async () => orthanc.restarts() === 1 && (await orthancAnswers()));
    expect(orthanc.orthancPid()).not.toBe(pid);
    const res = await rendered('?viewport=96,96');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect((await pacsHealth())?.reachable).toBe(true);
  }, 60_000);
});
