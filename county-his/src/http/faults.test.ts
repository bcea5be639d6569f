import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '../server';
import { getJson, OutcomeJson } from '../testing/http';

let his: CountyHisHandle;
beforeAll(async () => {
  his = await startCountyHis();
});
afterAll(() => his.close());

describe('outages and failures', () => {
  it('answers every request 503 with an OperationOutcome while the outage lasts, and recovers', async () => {
    his.setOutage(true);
    for (const path of ['metadata', 'Patient/p-0001', 'Observation?patient=p-0001']) {
      const r = await getJson(`${his.url}/${path}`);
      expect(r.status, path).toBe(503);
      expect(r.headers.get('content-type')).toContain('application/fhir+json');
      expect(OutcomeJson.parse(r.body).issue[0]?.code).toBe('transient');
    }
    his.setOutage(false);
    expect((await getJson(`${his.url}/Patient/p-0001`)).status).toBe(200);
  });

  it('can fail only some resource types (a partial outage)', async () => {
    his.setFailingTypes(['ImagingStudy']);
    expect((await getJson(`${his.url}/ImagingStudy?patient=p-0002`)).status).toBe(503);
    expect((await getJson(`${his.url}/Observation?patient=p-0002`)).status).toBe(200);
    his.setFailingTypes([]);
    expect((await getJson(`${his.url}/ImagingStudy?patient=p-0002`)).status).toBe(200);
  });

  it('can fail the next N requests, counts requests and can slow down', async () => {
    const before = his.requestCount();
    his.failNextRequests(2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await getJson(`${his.url}/Patient/p-0001`)).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(his.requestCount() - before).toBe(3);
    his.setLatency(150);
    const t = Date.now();
    await getJson(`${his.url}/Patient/p-0001`);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    his.setLatency(0);
  });
});

describe('errors as OperationOutcome', () => {
  it('404 for an unknown id, an unknown type or version, and a path outside FHIR', async () => {
    for (const path of [`${his.url}/Patient/p-9999`, `${his.url}/Spaceship/1`, `${his.url}/Patient/p-0001/_history/2`, his.url.replace('/fhir', '/nothing')]) {
      const r = await getJson(path);
      expect(r.status, path).toBe(404);
      expect(OutcomeJson.parse(r.body).issue[0]?.severity).toBe('error');
    }
    expect((await getJson(`${his.url}/Patient/p-0001/_history/1`)).status).toBe(200);
  });

  it('405 for updates and deletes', async () => {
    expect((await getJson(`${his.url}/Patient/p-0001`, { method: 'DELETE' })).status).toBe(405);
    expect((await getJson(`${his.url}/Patient/p-0001`, { method: 'PUT', headers: { 'content-type': 'application/fhir+json' }, body: '{}' })).status).toBe(405);
  });
});

describe('bearer token', () => {
  it('requires the token when configured, leaving the capability statement open', async () => {
    const secured = await startCountyHis({ token: 'county-his-test-token-0123' });
    try {
      const none = await getJson(`${secured.url}/Patient/p-0001`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      expect(OutcomeJson.parse(none.body).issue[0]?.code).toBe('login');
      expect((await getJson(`${secured.url}/Patient/p-0001`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await getJson(`${secured.url}/Patient/p-0001`, { headers: { authorization: 'Bearer county-his-test-token-0123' } })).status).toBe(200);
      expect((await getJson(`${secured.url}/metadata`)).status).toBe(200);
    } finally {
      await secured.close();
    }
  });
});
