import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READABLE_TYPES, WRITABLE_TYPES, WRITTEN_ONLY_TYPES } from './fhir/resource-types';
import { loadResources, startCountyHis, type CountyHisHandle } from './server';
import { fhirProblems } from './testing/fhir-validator';
import { getJson, postJson, ResourceJson } from './testing/http';
import { ambulanceSpo2, consultationNote, dispense, examReferral, onlinePrescription, referralTask } from './testing/write-back-examples';

let his: CountyHisHandle;
beforeAll(async () => {
  his = await startCountyHis();
});
afterAll(() => his.close());

function expectValid(resource: unknown, label: string): void {
  expect(fhirProblems(resource), label).toEqual([]);
}

describe('FHIR R4 validity (official JSON schema + StructureDefinition validator)', () => {
  it('catches broken resources (the validators are not asleep)', () => {
    expect(fhirProblems({ resourceType: 'Patient', gender: 'man' }).join()).toContain('gender');
    expect(fhirProblems({ resourceType: 'Patient', colour: 'blue' }).join()).toContain('colour');
    expect(fhirProblems({ resourceType: 'Observation', code: { text: 'x' } }).join()).toContain('status');
    expect(fhirProblems({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, effectiveDateTime: '2024-01-01 10:00' }).length).toBeGreaterThan(0);
  });

  it('every resource of the dataset is valid (all ~21,000, every type)', () => {
    const resources = loadResources();
    const types = new Set(resources.map((r) => r.resourceType));
    for (const type of READABLE_TYPES) if (type !== 'MedicationDispense' && !WRITTEN_ONLY_TYPES.includes(type)) expect(types.has(type), type).toBe(true);
    const invalid = resources
      .map((r) => ({ ref: `${r.resourceType}/${r.id}`, problems: fhirProblems(r) }))
      .filter((x) => x.problems.length > 0);
    expect(invalid.slice(0, 5)).toEqual([]);
  }, 60_000);

  it('what the server sends is valid: search bundles and reads of each type, the capability statement, errors', async () => {
    for (const type of READABLE_TYPES) {
      const search = await getJson(`${his.url}/${type}?_count=5${type === 'Medication' || type === 'Organization' || type === 'Patient' ? '' : '&patient=p-0002'}`);
      expect(search.status, type).toBe(200);
      expectValid(search.body, `${type} searchset`);
      const match = JSON.stringify(search.body).match(new RegExp(`"fullUrl":"([^"]+/${type}/[^"]+)"`));
      if (match?.[1]) {
        const read = await getJson(match[1]);
        expectValid(read.body, match[1]);
      }
    }
    expectValid((await getJson(`${his.url}/metadata`)).body, 'CapabilityStatement');
    expectValid((await getJson(`${his.url}/Patient/p-9999`)).body, 'OperationOutcome 404');
    expectValid((await getJson(`${his.url}/Observation?date=sa2024`)).body, 'OperationOutcome 400');
  });

  it('write-back bodies are valid, and so is what the HIS stores from them', async () => {
    const rx = onlinePrescription('p-0001', 'rx-valid');
    const bodies = [consultationNote('p-0001', 'n-valid'), rx, dispense('p-0001', 'd-valid', 'abc'), ambulanceSpo2('p-0001', 'v-valid'), examReferral('p-0001', 'ref-valid'), referralTask('p-0001', 'ref-valid')];
    expect(new Set(bodies.map((b) => b.resourceType))).toEqual(new Set(WRITABLE_TYPES));
    for (const body of bodies) {
      expectValid(body, `${body.resourceType} as written`);
      const created = await postJson(`${his.url}/${body.resourceType}`, body);
      expect(created.status).toBe(201);
      expectValid(ResourceJson.parse(created.body), `${body.resourceType} as stored`);
    }
  });
});
