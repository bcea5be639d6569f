import { DEMO_PATIENTS, startCountyHis, type CountyHisHandle } from '@cloudclinic/county-his';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TtlCache } from './cache';
import { FhirHisClient, type FhirHisClientOptions } from './fhir-his-client';
import type { PatientRecord } from './his-client';
import { HisNotFoundError, HisRejectedError, HisUnavailableError } from './his-errors';
import { formularyItem } from './formulary-item';

let his: CountyHisHandle;
beforeAll(async () => {
  his = await startCountyHis();
});
afterAll(() => his.close());
afterEach(() => {
  his.setOutage(false);
  his.setFailingTypes([]);
  his.setLatency(0);
  his.failNextRequests(0);
  his.setFailingMethods([]);
});

function client(opts: Partial<FhirHisClientOptions> = {}) {
  return new FhirHisClient({ baseUrl: his.url, timeoutMs: 2_000, retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, pageSize: 50, ...opts });
}

const types = (record: PatientRecord) => record.bundle.entry.map((e) => e.resource.resourceType);
const ofType = (record: PatientRecord, type: string) => record.bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
const text = (r: unknown) => JSON.stringify(r);
const totalOf = async (url: string) => z.object({ total: z.number() }).parse(await fetch(url).then((r) => r.json())).total;

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('FhirHisClient against the county HIS over HTTP', () => {
  it('loads a patient’s whole record as a collection Bundle, following paging', async () => {
    const record = await client().patientRecord('p-0001');
    expect(record.failed).toEqual([]);
    expect(record.bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(types(record)[0]).toBe('Patient');
    expect(new Set(types(record))).toEqual(
      new Set(['Patient', 'Condition', 'AllergyIntolerance', 'Observation', 'DiagnosticReport', 'ImagingStudy', 'MedicationStatement', 'MedicationRequest', 'Encounter', 'DocumentReference']),
    );
    expect(text(ofType(record, 'Condition'))).toContain('"code":"I10"');
    expect(text(ofType(record, 'Condition'))).toContain('"code":"E11"');
    expect(text(ofType(record, 'AllergyIntolerance'))).toContain('海鲜过敏');
    const active = ofType(record, 'MedicationStatement').filter((m) => m.status === 'active');
    expect(text(active)).toContain('苯磺酸氨氯地平片');
    expect(text(active)).toContain('盐酸二甲双胍片');
    // Every observation arrived, though the page size (50) is smaller than the total.
    const total = await totalOf(`${his.url}/Observation?patient=p-0001&_count=0`);
    expect(ofType(record, 'Observation')).toHaveLength(total);
    expect(total).toBeGreaterThan(50);
    expect(record.bundle.entry[1]?.fullUrl).toMatch(new RegExp(`^${his.url}/\\w+/`));
  });

  it('returns what loaded and names the failed parts when some searches fail', async () => {
    his.setFailingTypes(['ImagingStudy', 'DocumentReference']);
    const record = await client({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }).patientRecord('p-0002');
    expect(record.failed.map((f) => [f.part, f.reason])).toEqual([
      ['imagingStudies', 'unavailable'],
      ['documents', 'unavailable'],
    ]);
    expect(types(record)).not.toContain('ImagingStudy');
    expect(types(record)).toContain('Observation');
    expect(text(ofType(record, 'AllergyIntolerance'))).toContain('91936005');
  });

  it('fails the whole record when the patient itself cannot be read', async () => {
    expect(await rejection(client().patientRecord('p-9999'))).toBeInstanceOf(HisNotFoundError);
  });

  it('retries reads through a blip, but not a 404', async () => {
    const c = client();
    let before = his.requestCount();
    his.failNextRequests(2);
    const patient = await c.getPatient('p-0003');
    expect(patient.id).toBe('p-0003');
    expect(his.requestCount() - before).toBe(3);

    before = his.requestCount();
    const err = await rejection(c.getPatient('p-9999'));
    expect(err).toBeInstanceOf(HisNotFoundError);
    expect(his.requestCount() - before).toBe(1);

    before = his.requestCount();
    his.failNextRequests(10);
    const down = await rejection(c.getPatient('p-0003'));
    expect(down).toBeInstanceOf(HisUnavailableError);
    expect(down).toMatchObject({ reason: 'server-error', status: 503 });
    expect(his.requestCount() - before).toBe(3);
  });

  it('times out a slow HIS', async () => {
    his.setLatency(400);
    const err = await rejection(client({ timeoutMs: 100, retry: { attempts: 1 } }).getPatient('p-0001'));
    expect(err).toMatchObject({ name: 'HisUnavailableError', reason: 'timeout' });
  });

  it('opens the circuit during an outage, fails fast, and closes after the cooldown once the HIS is back', async () => {
    const c = client({ retry: { attempts: 1 }, breaker: { failureThreshold: 3, cooldownMs: 300 } });
    his.setOutage(true);
    for (let i = 0; i < 3; i++) expect(await rejection(c.getPatient('p-0001'))).toMatchObject({ reason: 'server-error' });
    expect(c.circuitState).toBe('open');
    const before = his.requestCount();
    expect(await rejection(c.getPatient('p-0001'))).toMatchObject({ name: 'HisUnavailableError', reason: 'circuit-open' });
    expect(await rejection(c.patientRecord('p-0001'))).toMatchObject({ reason: 'circuit-open' });
    expect(his.requestCount()).toBe(before);

    his.setOutage(false);
    expect(await rejection(c.getPatient('p-0001'))).toMatchObject({ reason: 'circuit-open' });
    await new Promise((r) => setTimeout(r, 320));
    expect(c.circuitState).toBe('half-open');
    expect((await c.getPatient('p-0001')).id).toBe('p-0001');
    expect(c.circuitState).toBe('closed');
  });

  it('creates idempotently with If-None-Exist, retrying only such creates', async () => {
    const c = client();
    const rx = {
      resourceType: 'MedicationRequest',
      identifier: [{ system: 'urn:cloudclinic:prescription', value: 'rx-client-1' }],
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: { coding: [{ system: 'urn:cloudclinic:formulary', code: 'F0104' }], text: '缬沙坦胶囊' },
      subject: { reference: 'Patient/p-0001' },
    };
    const ifNoneExist = { identifier: 'urn:cloudclinic:prescription|rx-client-1' };
    his.failNextRequests(1);
    const first = await c.create(rx, { ifNoneExist });
    expect(first.created).toBe(true);
    expect(first.location).toContain(`/MedicationRequest/${first.resource.id}/_history/1`);
    const again = await c.create(rx, { ifNoneExist: 'identifier=urn:cloudclinic:prescription|rx-client-1' });
    expect(again).toMatchObject({ created: false, resource: { id: first.resource.id } });
    expect(await totalOf(`${his.url}/MedicationRequest?identifier=urn:cloudclinic:prescription|rx-client-1&_count=0`)).toBe(1);

    // Without If-None-Exist a failed create is not repeated: it might have gone through.
    const before = his.requestCount();
    his.failNextRequests(1);
    expect(await rejection(c.create({ ...rx, identifier: [{ system: 'urn:cloudclinic:prescription', value: 'rx-client-2' }] }))).toBeInstanceOf(HisUnavailableError);
    expect(his.requestCount() - before).toBe(1);
  });

  it('surfaces a refused write as HisRejectedError with the HIS’s diagnostics', async () => {
    const err = await rejection(client().create({ resourceType: 'Observation', status: 'final', code: { text: 'SpO2' }, subject: { reference: 'Patient/p-9999' } }));
    expect(err).toBeInstanceOf(HisRejectedError);
    expect(err).toMatchObject({ status: 400 });
    expect(err instanceof HisRejectedError ? err.issues.join() : '').toContain('Patient/p-9999');
  });

  it('finds patients by identifier', async () => {
    const c = client();
    const li = DEMO_PATIENTS[1];
    expect((await c.findPatientByIdentifier('urn:oid:2.16.156.10011.1.1', li.residentId))?.id).toBe(li.id);
    expect((await c.findPatientByIdentifier('urn:cloudclinic:his:dsfph', 'DS2000001'))?.id).toBe('p-0004');
    expect(await c.findPatientByIdentifier('urn:oid:2.16.156.10011.1.1', '11010519491231002X')).toBeNull();
  });

  it('searches the formulary by name, pinyin, code and class, and reads the flags', async () => {
    const c = client();
    const ids = (list: { id: string }[]) => list.map((m) => m.id);
    expect(ids(await c.searchMedications('aldp'))).toEqual(['amlodipine-5mg-tab']);
    expect(ids(await c.searchMedications('氨氯地平'))).toEqual(['amlodipine-5mg-tab']);
    expect(ids(await c.searchMedications('metformin'))).toEqual(['metformin-500mg-tab', 'metformin-500mg-er-tab']);
    expect(ids(await c.searchMedications({ code: 'F0101' }))).toEqual(['amlodipine-5mg-tab']);
    expect(ids(await c.searchMedications({ drugClass: 'penicillin' }))).toContain('amoxicillin-250mg-cap');
    const morphine = formularyItem(await c.getMedication('morphine-30mg-er-tab'));
    expect(morphine).toMatchObject({ narcotic: true, controlled: true, highAlert: true, strength: '30mg/片', code: 'F0501' });
    const amox = formularyItem(await c.getMedication('amoxicillin-250mg-cap'));
    expect(amox).toMatchObject({ controlled: false, antibioticGrade: 'unrestricted', drugClass: 'penicillin', pinyin: 'amxl' });
    expect(formularyItem(await c.getMedication('triazolam-0.25mg-tab'))).toMatchObject({ psychotropicClass: 'I', controlled: true });
    expect(await rejection(c.getMedication('unicorn-tears'))).toBeInstanceOf(HisNotFoundError);
  });

  it('sends the bearer token when the HIS requires one', async () => {
    const secured = await startCountyHis({ token: 'a-county-his-token-123' });
    try {
      const withToken = new FhirHisClient({ baseUrl: secured.url, token: 'a-county-his-token-123', timeoutMs: 2_000 });
      expect((await withToken.getPatient('p-0001')).id).toBe('p-0001');
      const without = new FhirHisClient({ baseUrl: secured.url, timeoutMs: 2_000 });
      expect(await rejection(without.getPatient('p-0001'))).toMatchObject({ name: 'HisRejectedError', status: 401 });
    } finally {
      await secured.close();
    }
  });

  it('lets a consultation cache the record so the expert’s screen does not refetch', async () => {
    const c = client();
    const cache = new TtlCache<string, PatientRecord>({ ttlMs: 60_000 });
    const before = his.requestCount();
    const a = await cache.getOrLoad('consult-1:p-0005', () => c.patientRecord('p-0005'));
    const used = his.requestCount() - before;
    const b = await cache.getOrLoad('consult-1:p-0005', () => c.patientRecord('p-0005'));
    expect(b).toBe(a);
    expect(his.requestCount() - before).toBe(used);
  });

  it('updates a MedicationRequest conditionally on its version: retried through a blip, refused (412) when stale', async () => {
    const c = client();
    const created = await c.create(
      { resourceType: 'MedicationRequest', identifier: [{ system: 'urn:test', value: 'upd-1' }], status: 'active', intent: 'order', medicationReference: { reference: 'Medication/amlodipine-5mg-tab' }, subject: { reference: 'Patient/p-0001' } },
      { ifNoneExist: 'identifier=urn:test|upd-1' },
    );
    his.failNextRequests(1);
    const done = await c.update({ ...created.resource, status: 'completed' }, { ifMatch: '1' });
    expect(done).toMatchObject({ status: 'completed', meta: { versionId: '2' } });
    const stale = await rejection(c.update({ ...created.resource, status: 'cancelled' }, { ifMatch: '1' }));
    expect(stale).toBeInstanceOf(HisRejectedError);
    expect((stale as HisRejectedError).status).toBe(412);
    // Without a version the update is not repeatable, so a failure is not retried.
    his.setFailingMethods(['PUT']);
    expect(await rejection(c.update({ ...done, status: 'cancelled' }))).toBeInstanceOf(HisUnavailableError);
  });
});
