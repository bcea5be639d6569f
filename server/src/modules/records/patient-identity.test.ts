import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { HisNotFoundError, HisUnavailableError, type FhirResource, type HisClient } from '../../integrations/his';
import { PatientIdentity } from './patient-identity';

const patient = (id: string, text: string, birthDate: string, org = 'sscph'): FhirResource => ({
  resourceType: 'Patient',
  id,
  name: [{ text, family: text.slice(0, 1), given: [text.slice(1)] }],
  gender: 'male',
  birthDate,
  identifier: [{ system: `urn:cloudclinic:his:${org}`, value: `${id.toUpperCase()}-HIS` }],
  managingOrganization: { reference: `Organization/${org}` },
});

/** A county HIS that holds these patients (the outside system, faked at its interface). */
function his(patients: FhirResource[], down = false): HisClient {
  const fail = () => Promise.reject(new HisUnavailableError('timeout', 'HIS timed out'));
  return {
    getPatient: async (id) => (down ? fail() : (patients.find((p) => p.id === id) ?? Promise.reject(new HisNotFoundError('Patient', id)))),
    searchPatients: async ({ name, birthDate }) => (down ? fail() : patients.filter((p) => JSON.stringify(p).includes(name) && (p as { birthDate?: string }).birthDate === birthDate)),
    findPatientByIdentifier: async () => null,
    patientRecord: () => Promise.reject(new Error('not used')),
    searchMedications: async () => [],
    search: () => Promise.reject(new Error('not used')),
    getMedication: () => Promise.reject(new Error('not used')),
    create: () => Promise.reject(new Error('not used')),
    update: () => Promise.reject(new Error('not used')),
  };
}

const codeOf = async (p: Promise<unknown>) => p.then(() => null, (err: unknown) => (err instanceof AppError ? err : null));

describe('PatientIdentity', () => {
  it('offers a pick list (ids and second identifiers, never names) when name + birth date match several patients', async () => {
    const identity = new PatientIdentity(his([patient('p-1', '王建国', '1956-03-12'), patient('p-2', '王建国', '1956-03-12'), patient('p-3', '王建华', '1956-03-12')]));
    const err = await codeOf(identity.resolve({ name: '王建国', birthDate: '1956-03-12' }));
    expect(err?.code).toBe('patient_identity_mismatch');
    expect(err?.details).toEqual({ candidates: [expect.objectContaining({ hisPatientId: 'p-1' }), expect.objectContaining({ hisPatientId: 'p-2' })] });
    expect(JSON.stringify(err?.details)).not.toContain('王');
  });

  it('resolves one match by name + birth date, ignoring spaces in the name', async () => {
    const identity = new PatientIdentity(his([patient('p-1', '王建国', '1956-03-12'), patient('p-3', '王建华', '1956-03-12')]));
    expect(await identity.resolve({ name: ' 王 建国', birthDate: '1956-03-12' })).toMatchObject({ hisPatientId: 'p-1', managingOrganization: 'sscph', hisNumber: 'P-1-HIS' });
  });

  it('says the HIS is unreachable (502) instead of booking an unchecked patient', async () => {
    const err = await codeOf(new PatientIdentity(his([], true)).resolve({ hisPatientId: 'p-1', name: '王建国' }));
    expect(err?.code).toBe('upstream_unavailable');
  });

  it('checks nothing without a HIS (the caller decides what that allows)', async () => {
    const identity = new PatientIdentity(null);
    expect(identity.verifiable).toBe(false);
    expect(await identity.resolve({ hisPatientId: 'p-1', name: '王建国' })).toBeNull();
  });
});
