import { describe, expect, it } from 'vitest';
import { ageInYears, parsePatientRecord, recordedPregnancy } from './patient-record';
import { patientBundle } from './test-fixtures';

describe('the patient record from the HIS', () => {
  it('李秀英 (p-0002): penicillin allergy (anaphylaxis, high criticality) and five current medications', () => {
    const r = parsePatientRecord('p-0002', patientBundle('p-0002'));
    expect(r).toMatchObject({ name: '李秀英', sex: 'female', birthDate: '1948-09-30' });
    expect(r.allergies).toEqual([expect.objectContaining({ codes: expect.arrayContaining(['penicillin', '91936005']), criticality: 'high', severe: true })]);
    expect(r.currentMedications.map((m) => m.code)).toEqual(['F0141', 'F0131', 'F0113', 'F0151', 'F0104']);
  });

  it('skips stopped medications, inactive or refuted allergies, and resources that do not parse', () => {
    const bundle = {
      entry: [
        { resource: { resourceType: 'Patient', id: 'p-9', gender: 'female', birthDate: '1990-01-01', name: [{ text: '某某' }] } },
        { resource: { resourceType: 'MedicationStatement', status: 'stopped', medicationReference: { reference: 'Medication/x' } } },
        { resource: { resourceType: 'MedicationStatement', status: 'active', medicationReference: { reference: 'Medication/warfarin-2.5mg-tab', display: '华法林' } } },
        { resource: { resourceType: 'AllergyIntolerance', clinicalStatus: { coding: [{ code: 'inactive' }] }, code: { text: 'x' } } },
        { resource: { resourceType: 'AllergyIntolerance', verificationStatus: { coding: [{ code: 'refuted' }] }, code: { text: 'y' } } },
        { resource: { resourceType: 'AllergyIntolerance', criticality: 'nonsense' } },
        { resource: { resourceType: 'Condition', code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'Z33' }] } } },
        { resource: 'garbage' },
      ],
    };
    const r = parsePatientRecord('p-9', bundle);
    expect(r.currentMedications).toEqual([{ medicationId: 'warfarin-2.5mg-tab', code: null, name: '华法林' }]);
    expect(r.allergies).toEqual([]);
    expect(recordedPregnancy(r)).toEqual({ pregnant: true, lactating: false });
  });

  it('computes age in whole years', () => {
    expect(ageInYears('1956-03-12', new Date('2026-03-11T12:00:00Z'))).toBe(69);
    expect(ageInYears('1956-03-12', new Date('2026-03-12T12:00:00Z'))).toBe(70);
    expect(ageInYears(null, new Date())).toBeNull();
  });

  it('counts age on the China calendar: from 00:00 Shanghai time on the birthday (16:00 UTC the day before) the patient is a year older', () => {
    expect(ageInYears('1956-03-12', new Date('2026-03-11T15:59:00Z'))).toBe(69);
    expect(ageInYears('1956-03-12', new Date('2026-03-11T16:30:00Z'))).toBe(70);
  });
});
