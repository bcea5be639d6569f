import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsultationOpinionsSchema, JointOpinionViewSchema, OpinionVerificationSchema, type JointOpinionView } from '@cloudclinic/shared';
import { apiAs, type Api } from './helpers/api';
import { dbTargets } from './helpers/test-database';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const PASSWORD = 'Demo@2026';
const USERS = ['dr.chen', 'dr.lin', 'dr.he', 'doc.wang', 'doc.daishan', 'kiosk.shengsi', 'pharm.zhou', 'admin'] as const;
type User = (typeof USERS)[number];
const DRAFT = { findings: '左肺上叶结节 2.1cm，边缘毛刺', diagnoses: ['C34.9'], treatment: '建议胸腔镜下肺叶切除', dissent: [] as { expertId: string; text: string }[] };

describe.each(dbTargets())('MDT joint opinion (%s)', (target) => {
  let srv: TestServer;
  const as = {} as Record<User, Api>;
  const ids = {} as Record<User, string>;

  beforeAll(async () => {
    srv = await startTestServer(target, {}, { his: true });
    for (const u of USERS) {
      const t = await login(srv.url, u);
      as[u] = apiAs(srv.url, t.accessToken);
      ids[u] = (await srv.services.prisma.user.findUniqueOrThrow({ where: { username: u } })).id;
    }
  }, 120_000);
  afterAll(async () => srv?.close());

  /** A consultation at 嵊泗县人民医院 with dr.chen (chair, invited first) and dr.lin as experts, doc.wang and the kiosk. */
  async function mdt(): Promise<string> {
    const p = srv.services.prisma;
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
    const t0 = Date.now() - 60_000;
    const parts: [User, 'expert' | 'local_doctor' | 'patient_kiosk'][] = [['dr.chen', 'expert'], ['dr.lin', 'expert'], ['doc.wang', 'local_doctor'], ['kiosk.shengsi', 'patient_kiosk']];
    for (const [i, [u, role]] of parts.entries()) await p.consultationParticipant.create({ data: { consultationId: c.id, userId: ids[u], role, invitedAt: new Date(t0 + i * 1000) } });
    return c.id;
  }

  async function submitted(cid: string): Promise<JointOpinionView> {
    expect((await as['dr.chen'].put(`/consultations/${cid}/joint-opinion`, { ...DRAFT, revision: 0 })).status).toBe(200);
    const res = await as['dr.chen'].post(`/consultations/${cid}/joint-opinion/submit`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return JointOpinionViewSchema.parse(res.body);
  }

  async function finalOpinion(cid: string): Promise<JointOpinionView> {
    const op = await submitted(cid);
    for (const u of ['dr.chen', 'dr.lin'] as const) expect((await as[u].post(`/opinions/${op.id}/sign`, { password: PASSWORD })).status).toBe(200);
    return JointOpinionViewSchema.parse((await as['dr.chen'].get(`/consultations/${cid}/opinions`)).body.versions[0]);
  }

  async function hisDocuments(identifier: string): Promise<unknown[]> {
    const res = await fetch(`${srv.his!.url}/DocumentReference?identifier=${encodeURIComponent(`urn:cloudclinic:mdt-opinion|${identifier}`)}`);
    const bundle = (await res.json()) as { entry?: unknown[] };
    return bundle.entry ?? [];
  }

  it('each expert records an opinion, the chair compiles, both sign in parallel, it is final, verifiable and in the HIS once', async () => {
    const cid = await mdt();
    expect((await as['dr.chen'].put(`/consultations/${cid}/opinions/mine`, { text: '倾向手术', diagnoses: ['c34.9'] })).status).toBe(200);
    const lin = await as['dr.lin'].put(`/consultations/${cid}/opinions/mine`, { text: '建议先行新辅助化疗', diagnoses: [] });
    expect(lin.status).toBe(200);
    expect((await as['dr.lin'].put(`/consultations/${cid}/joint-opinion`, { ...DRAFT, revision: 0 })).status).toBe(403);

    const draft = await as['dr.chen'].put(`/consultations/${cid}/joint-opinion`, { ...DRAFT, dissent: [{ expertId: ids['dr.lin'], text: '主张先化疗' }], revision: 0 });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({ version: 1, status: 'draft', chairId: ids['dr.chen'], dissent: [{ name: '林晓燕' }] });
    expect((await as['dr.chen'].put(`/consultations/${cid}/joint-opinion`, { ...DRAFT, revision: 0 })).status).toBe(409); // stale revision
    const op = JointOpinionViewSchema.parse((await as['dr.chen'].post(`/consultations/${cid}/joint-opinion/submit`)).body);
    expect(op.status).toBe('signing');
    expect(op.signers.map((s) => s.id)).toEqual([ids['dr.chen'], ids['dr.lin']]);
    expect((await as['dr.chen'].put(`/consultations/${cid}/joint-opinion`, { ...DRAFT, revision: op.revision })).status).toBe(409);

    const signed = await Promise.all([as['dr.chen'].post(`/opinions/${op.id}/sign`, { password: PASSWORD }), as['dr.lin'].post(`/opinions/${op.id}/sign`, { password: PASSWORD })]);
    expect(signed.map((r) => r.status)).toEqual([200, 200]);
    expect(await srv.services.prisma.opinionSignature.count({ where: { opinionId: op.id } })).toBe(2);
    const list = ConsultationOpinionsSchema.parse((await as['dr.lin'].get(`/consultations/${cid}/opinions`)).body);
    expect(list.opinions).toHaveLength(2);
    expect(list.versions[0]).toMatchObject({ status: 'final' });
    expect(list.versions[0]?.signers.every((s) => s.signedAt !== null)).toBe(true);
    expect((await as['dr.lin'].post(`/opinions/${op.id}/sign`, { password: PASSWORD })).status).toBe(409);
    expect((await as['dr.chen'].put(`/consultations/${cid}/joint-opinion`, { ...DRAFT, revision: op.revision })).status).toBe(409);

    const verified = OpinionVerificationSchema.parse((await as['pharm.zhou'].get(`/opinions/${op.id}/verify`)).body);
    expect(verified).toMatchObject({ valid: true, integrity: true, status: 'final' });
    expect(verified.signatures.map((s) => [s.name, s.valid])).toEqual([['陈建华', true], ['林晓燕', true]]);
    const publicRes = await apiAs(srv.url, undefined).get(`/public/opinions/${op.id}`);
    expect(publicRes.body).toMatchObject({ valid: true });
    expect(JSON.stringify(publicRes.body)).not.toContain('p-0001');

    // Each signature verifies on its own against the published JWKS.
    const jwks = (await (await fetch(`${srv.url}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const kids = (await srv.services.prisma.opinionSignature.findMany({ where: { opinionId: op.id } })).map((s) => s.kid);
    expect(kids.every((k) => jwks.keys.some((j) => j.kid === k))).toBe(true);

    await srv.services.outbox.drain();
    await srv.services.outbox.drain();
    const docs = await hisDocuments(`${cid}/v1`);
    expect(docs).toHaveLength(1);
    // Delivered again (a crash before "done"): the conditional create finds the document.
    await srv.services.prisma.outboxJob.updateMany({ where: { dedupeKey: `mdt.his.opinion:${op.id}` }, data: { status: 'pending', nextAttemptAt: new Date(0) } });
    await srv.services.outbox.drain();
    expect(await hisDocuments(`${cid}/v1`)).toHaveLength(1);
    expect(await srv.services.prisma.outboxJob.count({ where: { dedupeKey: `mdt.his.opinion:${op.id}` } })).toBe(1);
  });

  it('the county doctor sees the final opinion only and acknowledges it once; the kiosk and experts cannot', async () => {
    const cid = await mdt();
    const op = await submitted(cid);
    expect(ConsultationOpinionsSchema.parse((await as['doc.wang'].get(`/consultations/${cid}/opinions`)).body).versions).toHaveLength(0);
    expect((await as['doc.wang'].post(`/opinions/${op.id}/acknowledge`)).status).toBe(409);
    await finalSigns(op.id);
    const seen = ConsultationOpinionsSchema.parse((await as['doc.wang'].get(`/consultations/${cid}/opinions`)).body);
    expect(seen.versions.map((v) => v.status)).toEqual(['final']);
    expect(seen.opinions).toEqual([]);
    expect((await as['dr.chen'].post(`/opinions/${op.id}/acknowledge`)).status).toBe(403);
    expect((await as['kiosk.shengsi'].post(`/opinions/${op.id}/acknowledge`)).status).toBe(403);
    expect((await as['doc.daishan'].post(`/opinions/${op.id}/acknowledge`)).status).toBe(403);
    const ack = await as['doc.wang'].post(`/opinions/${op.id}/acknowledge`);
    expect(ack.body).toMatchObject({ acknowledgedBy: '王海东' });
    const again = await as['doc.wang'].post(`/opinions/${op.id}/acknowledge`);
    expect(again.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    expect(await srv.services.prisma.auditEvent.count({ where: { action: 'opinion.acknowledge', entityId: op.id } })).toBe(1);
  });

  async function finalSigns(id: string): Promise<void> {
    for (const u of ['dr.lin', 'dr.chen'] as const) expect((await as[u].post(`/opinions/${id}/sign`, { password: PASSWORD })).status).toBe(200);
  }

  it('refuses an expert not taking part, another county’s doctor, the kiosk, the pharmacist and the admin', async () => {
    const cid = await mdt();
    const op = await submitted(cid);
    for (const u of ['dr.he', 'doc.daishan', 'kiosk.shengsi', 'pharm.zhou', 'admin'] as const) {
      expect((await as[u].get(`/consultations/${cid}/opinions`)).status, u).toBe(403);
      expect((await as[u].put(`/consultations/${cid}/opinions/mine`, { text: 'x', diagnoses: [] })).status, u).toBe(403);
      expect((await as[u].put(`/consultations/${cid}/joint-opinion`, { ...DRAFT, revision: 1 })).status, u).toBe(403);
      expect((await as[u].post(`/opinions/${op.id}/sign`, { password: PASSWORD })).status, u).toBe(403);
    }
    // The county doctor takes part, but is not an expert: no own opinion, no signature.
    expect((await as['doc.wang'].put(`/consultations/${cid}/opinions/mine`, { text: 'x', diagnoses: [] })).status).toBe(403);
    expect((await as['doc.wang'].post(`/opinions/${op.id}/sign`, { password: PASSWORD })).status).toBe(403);
    expect((await as['dr.lin'].post(`/consultations/${cid}/joint-opinion/submit`)).status).toBe(403);
    expect(await srv.services.prisma.opinionSignature.count({ where: { opinionId: op.id } })).toBe(0);
  });

  it('an expert who joins after submission is not a required signer: refused, and the two signatures make it final', async () => {
    const cid = await mdt();
    const op = await submitted(cid);
    await srv.services.prisma.consultationParticipant.create({ data: { consultationId: cid, userId: ids['dr.he'], role: 'expert' } });
    expect((await as['dr.he'].get(`/consultations/${cid}/opinions`)).status).toBe(200);
    expect((await as['dr.he'].post(`/opinions/${op.id}/sign`, { password: PASSWORD })).status).toBe(403);
    await finalSigns(op.id);
    const verified = OpinionVerificationSchema.parse((await as['dr.he'].get(`/opinions/${op.id}/verify`)).body);
    expect(verified).toMatchObject({ valid: true, status: 'final' });
    expect(verified.signatures).toHaveLength(2);
  });

  it('malformed bodies are 4xx and write nothing; a wrong password signs nothing', async () => {
    const cid = await mdt();
    const bad = [
      { ...DRAFT, revision: 0, extra: 1 },
      { ...DRAFT, revision: -1 },
      { ...DRAFT, diagnoses: ['NOTACODE'], revision: 0 },
      { ...DRAFT, diagnoses: ['Z99.99'], revision: 0 },
      { ...DRAFT, dissent: [{ expertId: ids['dr.he'], text: '外人' }], revision: 0 },
      { ...DRAFT, findings: 'x'.repeat(9000), revision: 0 },
      'not an object',
    ];
    for (const body of bad) {
      const res = await as['dr.chen'].put(`/consultations/${cid}/joint-opinion`, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect((await as['dr.chen'].put(`/consultations/${cid}/opinions/mine`, { text: 1, diagnoses: [] })).status).toBe(400);
    expect(await srv.services.prisma.jointOpinion.count({ where: { consultationId: cid } })).toBe(0);
    expect(await srv.services.prisma.expertOpinion.count({ where: { consultationId: cid } })).toBe(0);
    expect((await as['dr.chen'].post(`/consultations/${cid}/joint-opinion/submit`)).status).toBe(422);

    const op = await submitted(cid);
    expect((await as['dr.lin'].post(`/opinions/${op.id}/sign`, {})).status).toBe(400);
    expect((await as['dr.lin'].post(`/opinions/${op.id}/sign`, { password: PASSWORD, also: true })).status).toBe(400);
    expect((await as['dr.lin'].post(`/opinions/${op.id}/sign`, { password: 'wrong-password' })).status).toBe(401);
    expect(await srv.services.prisma.opinionSignature.count({ where: { opinionId: op.id } })).toBe(0);
  });

  it('an amendment makes a new version that everyone signs again; the previous is superseded, readable, and cannot be signed', async () => {
    const cid = await mdt();
    const first = await submitted(cid);
    await as['dr.chen'].post(`/opinions/${first.id}/sign`, { password: PASSWORD });
    const amended = await as['dr.chen'].post(`/consultations/${cid}/joint-opinion/amendments`);
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({ version: 2, status: 'draft', findings: DRAFT.findings });
    expect((await as['dr.lin'].post(`/opinions/${first.id}/sign`, { password: PASSWORD })).status).toBe(409);

    const v2 = JointOpinionViewSchema.parse(amended.body);
    expect((await as['dr.chen'].put(`/consultations/${cid}/joint-opinion`, { ...DRAFT, treatment: '新辅助化疗后手术', revision: v2.revision })).status).toBe(200);
    expect((await as['dr.chen'].post(`/consultations/${cid}/joint-opinion/submit`)).status).toBe(200);
    await finalSigns(v2.id);
    const list = ConsultationOpinionsSchema.parse((await as['dr.chen'].get(`/consultations/${cid}/opinions`)).body);
    expect(list.versions.map((v) => [v.version, v.status])).toEqual([[2, 'final'], [1, 'superseded']]);
    expect((await as['dr.chen'].get(`/opinions/${v2.id}/verify`)).body).toMatchObject({ valid: true });
    // The first version was never signed by everyone: not a valid final opinion.
    expect((await as['dr.chen'].get(`/opinions/${first.id}/verify`)).body).toMatchObject({ valid: false, status: 'superseded' });

    // A final version amended: the earlier final stays valid and readable, marked superseded.
    const v3 = await as['dr.chen'].post(`/consultations/${cid}/joint-opinion/amendments`);
    expect(v3.body).toMatchObject({ version: 3 });
    expect((await as['dr.chen'].get(`/opinions/${v2.id}/verify`)).body).toMatchObject({ valid: true, status: 'superseded' });
    expect((await as['dr.lin'].post(`/opinions/${v2.id}/sign`, { password: PASSWORD })).status).toBe(409);
  });

  it('tampering with the stored document or the recorded content fails verification', async () => {
    const cid = await mdt();
    const op = await finalOpinion(cid);
    const p = srv.services.prisma;
    const row = await p.jointOpinion.findUniqueOrThrow({ where: { id: op.id } });
    await p.jointOpinion.update({ where: { id: op.id }, data: { canonical: (row.canonical ?? '').replace('胸腔镜', '开胸') } });
    const forged = OpinionVerificationSchema.parse((await as['dr.chen'].get(`/opinions/${op.id}/verify`)).body);
    expect(forged.valid).toBe(false);
    expect(forged.signatures.every((s) => !s.valid)).toBe(true);

    await p.jointOpinion.update({ where: { id: op.id }, data: { canonical: row.canonical, treatment: '保守治疗' } });
    expect((await as['dr.chen'].get(`/opinions/${op.id}/verify`)).body).toMatchObject({ valid: false, integrity: false });
    await p.jointOpinion.update({ where: { id: op.id }, data: { treatment: row.treatment } });
    expect((await as['dr.chen'].get(`/opinions/${op.id}/verify`)).body).toMatchObject({ valid: true });
  });
});
