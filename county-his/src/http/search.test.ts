import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '../server';
import { getBundle, getJson, OutcomeJson } from '../testing/http';

let his: CountyHisHandle;
beforeAll(async () => {
  his = await startCountyHis();
});
afterAll(() => his.close());

const q = (path: string, params: Record<string, string> = {}) => `${his.url}/${path}?${new URLSearchParams(params).toString()}`;
const dateOf = (r: unknown) => JSON.stringify(r).match(/"effectiveDateTime":"([^"]+)"/)?.[1] ?? '';

describe('FHIR search on the county HIS', () => {
  it('pages a patient’s labs newest first with total and self/next links until the end', async () => {
    const first = await getBundle(q('Observation', { patient: 'p-0001', category: 'laboratory', _sort: '-date', _count: '25' }));
    expect(first.type).toBe('searchset');
    const total = first.total ?? 0;
    expect(total).toBeGreaterThan(50);
    expect(first.link?.find((l) => l.relation === 'self')?.url).toContain('_offset=0');
    const seen: unknown[] = [...(first.entry ?? [])];
    let next = first.link?.find((l) => l.relation === 'next')?.url;
    while (next) {
      const page = await getBundle(next);
      expect(page.total).toBe(total);
      seen.push(...(page.entry ?? []));
      next = page.link?.find((l) => l.relation === 'next')?.url;
    }
    expect(seen).toHaveLength(total);
    const ids = seen.map((e) => JSON.stringify(e).match(/"id":"([^"]+)"/)?.[1]);
    expect(new Set(ids).size).toBe(total);
    const dates = seen.map((e) => Date.parse(dateOf(e)));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('treats subject=Patient/… like patient=…', async () => {
    const a = await getBundle(q('Condition', { patient: 'p-0002', _count: '0' }));
    const b = await getBundle(q('Condition', { subject: 'Patient/p-0002', _count: '0' }));
    expect(a.total).toBeGreaterThan(0);
    expect(b.total).toBe(a.total);
  });

  it('matches codes as system|code, as a bare code, and as ORed alternatives', async () => {
    const withSystem = await getBundle(q('Observation', { patient: 'p-0001', code: 'http://loinc.org|4548-4', _count: '0' }));
    const bare = await getBundle(q('Observation', { patient: 'p-0001', code: '4548-4', _count: '0' }));
    const noSystem = await getBundle(q('Observation', { patient: 'p-0001', code: '|4548-4', _count: '0' }));
    const either = await getBundle(q('Observation', { patient: 'p-0001', code: '4548-4,14771-0', _count: '0' }));
    const glucose = await getBundle(q('Observation', { patient: 'p-0001', code: '14771-0', _count: '0' }));
    expect(withSystem.total).toBeGreaterThan(0);
    expect(bare.total).toBe(withSystem.total);
    expect(noSystem.total).toBe(0);
    expect(either.total).toBe((withSystem.total ?? 0) + (glucose.total ?? 0));
    const conditions = await getBundle(q('Condition', { code: 'http://hl7.org/fhir/sid/icd-10|E11', _count: '0' }));
    expect(conditions.total).toBeGreaterThan(3);
  });

  it('filters dates with ge/le/gt/lt prefixes (AND when repeated)', async () => {
    const all = await getBundle(q('Encounter', { patient: 'p-0002', _count: '0' }));
    const since = await getBundle(q('Encounter', { patient: 'p-0002', date: 'ge2025-01-01', _count: '0' }));
    const before = await getBundle(q('Encounter', { patient: 'p-0002', date: 'lt2025-01-01', _count: '0' }));
    expect((since.total ?? 0) + (before.total ?? 0)).toBe(all.total);
    const year = await getJson(`${his.url}/Encounter?patient=p-0002&date=ge2025-01-01&date=le2025-12-31&_count=100`);
    const body = JSON.stringify(year.body);
    const starts = [...body.matchAll(/"start":"([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(starts.length).toBeGreaterThan(0);
    for (const s of starts) expect(s.startsWith('2025-')).toBe(true);
    const gt = await getBundle(q('Encounter', { patient: 'p-0002', date: 'gt2026-12-31', _count: '0' }));
    expect(gt.total).toBe(0);
  });

  it('finds a patient by resident ID, by HIS number and by Chinese name', async () => {
    const byId = await getBundle(q('Patient', { identifier: 'urn:oid:2.16.156.10011.1.1|330922194809300262' }));
    expect(byId.entry?.map((e) => e.resource.id)).toEqual(['p-0002']);
    const byHis = await getBundle(q('Patient', { identifier: 'urn:cloudclinic:his:dsfph|DS2000001' }));
    expect(byHis.entry?.map((e) => e.resource.id)).toEqual(['p-0004']);
    const wrongSystem = await getBundle(q('Patient', { identifier: 'urn:cloudclinic:his:sscph|DS2000001' }));
    expect(wrongSystem.total).toBe(0);
    const byName = await getBundle(q('Patient', { name: '王建国' }));
    expect(byName.entry?.map((e) => e.resource.id)).toEqual(['p-0001']);
    const byFamily = await getBundle(q('Patient', { name: '李', _count: '100' }));
    expect(byFamily.entry?.map((e) => e.resource.id)).toContain('p-0002');
  });

  it('searches the formulary by code, name (Chinese or English substring) and pinyin prefix', async () => {
    const ids = async (params: Record<string, string>) => (await getBundle(q('Medication', { ...params, _count: '200' }))).entry?.map((e) => e.resource.id) ?? [];
    expect(await ids({ code: 'F0101' })).toEqual(['amlodipine-5mg-tab']);
    expect(await ids({ code: 'urn:cloudclinic:formulary|F0101' })).toEqual(['amlodipine-5mg-tab']);
    expect(await ids({ code: 'http://www.whocc.no/atc|N06AB06' })).toEqual(['sertraline-50mg-tab']);
    expect(await ids({ name: '氨氯地平' })).toEqual(['amlodipine-5mg-tab']);
    expect(await ids({ name: 'AMLODIPINE' })).toEqual(['amlodipine-5mg-tab']);
    expect(await ids({ name: '他汀' })).toEqual(expect.arrayContaining(['atorvastatin-20mg-tab', 'rosuvastatin-10mg-tab']));
    expect(await ids({ pinyin: 'aldp' })).toEqual(['amlodipine-5mg-tab']);
    expect(await ids({ pinyin: 'EJ' })).toEqual(['metformin-500mg-tab', 'metformin-500mg-er-tab']);
    expect(await ids({ 'drug-class': 'cephalosporin' })).toHaveLength(4);
  });

  it('ignores unknown parameters, unless the client asks for strict handling', async () => {
    const lenient = await getJson(q('Condition', { patient: 'p-0001', colour: 'blue' }));
    expect(lenient.status).toBe(200);
    expect(JSON.stringify(lenient.body)).not.toContain('colour');
    const strict = await getJson(q('Condition', { patient: 'p-0001', colour: 'blue' }), { headers: { prefer: 'handling=strict' } });
    expect(strict.status).toBe(400);
    expect(OutcomeJson.parse(strict.body).issue[0]?.diagnostics).toContain('colour');
  });

  it('answers malformed searches with a 400 OperationOutcome', async () => {
    const cases: Record<string, string>[] = [{ date: 'ge2024-13-40' }, { date: 'sa2024' }, { _count: 'ten' }, { _sort: 'colour' }, { code: '' }];
    for (const params of cases) {
      const r = await getJson(q('Observation', params));
      expect(r.status, JSON.stringify(params)).toBe(400);
      expect(OutcomeJson.parse(r.body).issue[0]?.code).toBe('invalid');
    }
  });

  it('counts without entries for _summary=count and _count=0', async () => {
    const summary = await getBundle(q('Patient', { _summary: 'count' }));
    expect(summary.total).toBeGreaterThanOrEqual(60);
    expect(summary.entry ?? []).toHaveLength(0);
  });
});
