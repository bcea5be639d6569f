import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '../server';
import { getBundle, getJson, OutcomeJson, postJson, ResourceJson } from '../testing/http';
import { ambulanceSpo2, consultationNote, dispense, onlinePrescription } from '../testing/write-back-examples';

let his: CountyHisHandle;
beforeAll(async () => {
  his = await startCountyHis();
});
afterAll(() => his.close());

const count = async (type: string, identifier: string) => (await getBundle(`${his.url}/${type}?identifier=${encodeURIComponent(identifier)}&_count=0`)).total;

describe('writing back to the county HIS', () => {
  it('creates each write-back type with a server id, version 1 and a Location to read it back', async () => {
    for (const body of [consultationNote('p-0001', 'n-1'), onlinePrescription('p-0001', 'rx-1'), ambulanceSpo2('p-0004', 'v-1')]) {
      const r = await postJson(`${his.url}/${body.resourceType}`, { ...body, id: 'client-chosen' });
      expect(r.status).toBe(201);
      const created = ResourceJson.parse(r.body);
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.meta).toMatchObject({ versionId: '1' });
      const location = r.headers.get('location') ?? '';
      expect(location).toBe(`${his.url}/${body.resourceType}/${created.id}/_history/1`);
      expect(r.headers.get('etag')).toBe('W/"1"');
      const back = await getJson(location);
      expect(back.status).toBe(200);
      expect(back.body).toEqual(created);
    }
    const rx = await postJson(`${his.url}/MedicationRequest`, onlinePrescription('p-0002', 'rx-2'));
    const d = await postJson(`${his.url}/MedicationDispense`, dispense('p-0002', 'd-1', ResourceJson.parse(rx.body).id ?? ''));
    expect(d.status).toBe(201);
  });

  it('never duplicates a retried write sent with If-None-Exist', async () => {
    const body = onlinePrescription('p-0001', 'rx-retry');
    const header = { 'if-none-exist': 'identifier=urn:cloudclinic:prescription|rx-retry' };
    const first = await postJson(`${his.url}/MedicationRequest`, body, header);
    const again = await postJson(`${his.url}/MedicationRequest`, body, header);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(ResourceJson.parse(again.body).id).toBe(ResourceJson.parse(first.body).id);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    // A burst of concurrent retries still leaves one resource.
    const burst = await Promise.all(Array.from({ length: 6 }, () => postJson(`${his.url}/Observation`, ambulanceSpo2('p-0004', 'v-burst'), { 'if-none-exist': 'Observation?identifier=urn:cloudclinic:vitals|v-burst' })));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(5);
    expect(await count('Observation', 'urn:cloudclinic:vitals|v-burst')).toBe(1);
  });

  it('answers 412 when the If-None-Exist criteria match more than one resource', async () => {
    await postJson(`${his.url}/DocumentReference`, consultationNote('p-0003', 'n-dup'));
    await postJson(`${his.url}/DocumentReference`, consultationNote('p-0003', 'n-dup'));
    const r = await postJson(`${his.url}/DocumentReference`, consultationNote('p-0003', 'n-dup'), { 'if-none-exist': 'identifier=urn:cloudclinic:consultation-note|n-dup' });
    expect(r.status).toBe(412);
    expect(OutcomeJson.parse(r.body).issue[0]?.code).toBe('multiple-matches');
    expect(await count('DocumentReference', 'urn:cloudclinic:consultation-note|n-dup')).toBe(2);
  });

  it('rejects invalid bodies with a 400 OperationOutcome naming the element', async () => {
    const cases: [type: string, body: unknown, mentions: string][] = [
      ['Observation', { ...ambulanceSpo2('p-0001', 'x'), resourceType: 'Patient' }, 'resourceType'],
      ['Observation', { ...ambulanceSpo2('p-0001', 'x'), status: undefined }, 'Observation.status'],
      ['MedicationRequest', { ...onlinePrescription('p-0001', 'x'), medicationCodeableConcept: undefined }, 'medication[x]'],
      ['MedicationRequest', { ...onlinePrescription('p-0001', 'x'), subject: { reference: 'Group/1' } }, 'MedicationRequest.subject'],
      ['DocumentReference', { ...consultationNote('p-0001', 'x'), content: [] }, 'DocumentReference.content'],
      ['Observation', { ...ambulanceSpo2('p-0001', 'x'), effectiveDateTime: '2026-11-02 09:40' }, 'effectiveDateTime'],
      ['Observation', [1, 2], 'JSON object'],
    ];
    for (const [type, body, mentions] of cases) {
      const r = await postJson(`${his.url}/${type}`, body);
      expect(r.status, mentions).toBe(400);
      expect(JSON.stringify(OutcomeJson.parse(r.body))).toContain(mentions);
    }
  });

  it('rejects a write for a patient the HIS does not know', async () => {
    const r = await postJson(`${his.url}/Observation`, ambulanceSpo2('p-9999', 'x'));
    expect(r.status).toBe(400);
    expect(OutcomeJson.parse(r.body).issue[0]?.diagnostics).toContain('Patient/p-9999');
  });

  it('refuses other types, other media types and broken JSON', async () => {
    expect((await postJson(`${his.url}/Medication`, { resourceType: 'Medication' })).status).toBe(405);
    expect((await postJson(`${his.url}/Patient`, { resourceType: 'Patient' })).status).toBe(405);
    const xml = await getJson(`${his.url}/Observation`, { method: 'POST', headers: { 'content-type': 'application/fhir+xml' }, body: '<Observation/>' });
    expect(xml.status).toBe(415);
    const broken = await getJson(`${his.url}/Observation`, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: '{"resourceType":' });
    expect(broken.status).toBe(400);
    expect(OutcomeJson.parse(broken.body).issue[0]?.code).toBe('structure');
    const badCondition = await postJson(`${his.url}/Observation`, ambulanceSpo2('p-0001', 'x'), { 'if-none-exist': 'colour=blue' });
    expect(badCondition.status).toBe(400);
  });

  it('returns nothing but headers for Prefer: return=minimal', async () => {
    const r = await postJson(`${his.url}/Observation`, ambulanceSpo2('p-0001', 'minimal'), { prefer: 'return=minimal' });
    expect(r.status).toBe(201);
    expect(r.body).toBeUndefined();
    expect(r.headers.get('location')).toMatch(/\/Observation\/[0-9a-f-]{36}\/_history\/1$/);
  });
});
