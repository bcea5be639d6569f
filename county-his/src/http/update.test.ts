import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '../server';
import { getBundle, getJson, OutcomeJson, postJson, ResourceJson } from '../testing/http';
import { dispense, onlinePrescription } from '../testing/write-back-examples';

let his: CountyHisHandle;
beforeAll(async () => {
  his = await startCountyHis();
});
afterAll(() => his.close());

const put = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  getJson(url, { method: 'PUT', headers: { 'content-type': 'application/fhir+json', ...headers }, body: JSON.stringify(body) });

async function created(patientId: string, rxId: string) {
  const r = await postJson(`${his.url}/MedicationRequest`, onlinePrescription(patientId, rxId));
  return ResourceJson.parse(r.body);
}

describe('the platform moves its prescriptions on (FHIR update)', () => {
  it('PUT completes a MedicationRequest as version 2; vread keeps version 1; search sees the new status', async () => {
    const rx = await created('p-0001', 'rx-upd-1');
    const r = await put(`${his.url}/MedicationRequest/${rx.id}`, { ...rx, status: 'completed' }, { 'if-match': 'W/"1"' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: rx.id, status: 'completed', meta: { versionId: '2' } });
    expect(r.headers.get('etag')).toBe('W/"2"');
    expect((await getJson(`${his.url}/MedicationRequest/${rx.id}/_history/1`)).body).toMatchObject({ status: 'active' });
    expect((await getJson(`${his.url}/MedicationRequest/${rx.id}/_history/2`)).body).toMatchObject({ status: 'completed' });
    const byStatus = await getBundle(`${his.url}/MedicationRequest?patient=p-0001&identifier=urn:cloudclinic:prescription|rx-upd-1&status=completed`);
    expect(byStatus.total).toBe(1);
    expect((await getBundle(`${his.url}/MedicationRequest?patient=p-0001&identifier=urn:cloudclinic:prescription|rx-upd-1&status=active`)).total).toBe(0);
  });

  it('If-Match with a stale version is 412 and changes nothing', async () => {
    const rx = await created('p-0002', 'rx-upd-2');
    expect((await put(`${his.url}/MedicationRequest/${rx.id}`, { ...rx, status: 'cancelled' }, { 'if-match': 'W/"1"' })).status).toBe(200);
    const stale = await put(`${his.url}/MedicationRequest/${rx.id}`, { ...rx, status: 'completed' }, { 'if-match': 'W/"1"' });
    expect(stale.status).toBe(412);
    expect(OutcomeJson.parse(stale.body).issue[0]?.code).toBe('conflict');
    expect((await getJson(`${his.url}/MedicationRequest/${rx.id}`)).body).toMatchObject({ status: 'cancelled', meta: { versionId: '2' } });
  });

  it('refuses an update of another type, of an unknown id, with another id in the body, or moving it to another patient', async () => {
    const rx = await created('p-0003', 'rx-upd-3');
    expect((await put(`${his.url}/Patient/p-0003`, { resourceType: 'Patient', id: 'p-0003' })).status).toBe(405);
    expect((await put(`${his.url}/MedicationRequest/nope`, { ...rx, id: 'nope' })).status).toBe(405);
    expect((await put(`${his.url}/MedicationRequest/${rx.id}`, { ...rx, id: 'other' })).status).toBe(400);
    expect((await put(`${his.url}/MedicationRequest/${rx.id}`, { ...rx, subject: { reference: 'Patient/p-0001' } })).status).toBe(400);
    expect((await put(`${his.url}/MedicationRequest/${rx.id}`, { ...rx, status: 'finished' })).status).toBe(400);
    expect((await getJson(`${his.url}/MedicationRequest/${rx.id}`)).body).toMatchObject({ status: 'active', meta: { versionId: '1' } });
  });

  it('finds dispenses by patient and by the prescription they fill', async () => {
    const rx = await created('p-0004', 'rx-upd-4');
    expect((await postJson(`${his.url}/MedicationDispense`, dispense('p-0004', 'd-upd-4', rx.id ?? ''))).status).toBe(201);
    expect((await getBundle(`${his.url}/MedicationDispense?prescription=MedicationRequest/${rx.id}`)).total).toBe(1);
    expect((await getBundle(`${his.url}/MedicationDispense?subject=Patient/p-0004&identifier=urn:cloudclinic:dispense|d-upd-4`)).total).toBe(1);
  });
});

describe('fee category (Coverage) and prices', () => {
  it('demo patients carry their 费别; 刘小雨 has none registered', async () => {
    const wang = await getBundle(`${his.url}/Coverage?patient=p-0001`);
    expect(wang.entry?.[0]?.resource).toMatchObject({ status: 'active', type: { text: '医保（城镇职工）' } });
    expect((await getBundle(`${his.url}/Coverage?beneficiary=Patient/p-0003`)).entry?.[0]?.resource).toMatchObject({ type: { text: '自费' } });
    expect((await getBundle(`${his.url}/Coverage?patient=p-0005`)).total).toBe(0);
  });

  it('every formulary Medication has a package price in CNY with its source', async () => {
    const meds = await getBundle(`${his.url}/Medication?_count=1000`);
    for (const entry of meds.entry ?? []) {
      const ext = JSON.stringify(entry.resource);
      expect(ext).toContain('urn:cloudclinic:package-price');
      expect(ext).toMatch(/"valueMoney":\{"value":\d+(\.\d+)?,"currency":"CNY"\}/);
      expect(ext).toContain('synthetic demo price');
    }
  });
});
