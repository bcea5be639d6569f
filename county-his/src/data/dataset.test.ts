import type { AllergyIntolerance, Condition, Medication, MedicationStatement, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATIENTS } from '../demo-patients';
import { extensionValues } from '../fhir/json';
import { EXT, SYSTEM } from '../fhir/systems';
import { buildDataset } from './dataset';
import { isValidResidentId } from './resident-id';
import { ageAt, parseLocalDate } from './time';

let all: Resource[];
const ofType = <T extends Resource['resourceType']>(type: T) => all.filter((r): r is Extract<Resource, { resourceType: T }> => r.resourceType === type);
const forPatient = <T extends Resource>(list: T[], id: string) =>
  list.filter((r) => JSON.stringify(r).includes(`"reference":"Patient/${id}"`));

beforeAll(() => {
  all = buildDataset();
});

describe('the synthetic island population', () => {
  it('is deterministic: the same seed gives the same hospital, another seed another one', () => {
    expect(JSON.stringify(buildDataset())).toBe(JSON.stringify(all));
    const other = buildDataset({ seed: 'another-island' });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(all));
  });

  it('has at least 60 patients, about two thirds at Shengsi, from small children to the very old', () => {
    const patients = ofType('Patient');
    expect(patients.length).toBeGreaterThanOrEqual(60);
    const sscph = patients.filter((p) => p.managingOrganization?.reference === 'Organization/sscph').length;
    expect(sscph / patients.length).toBeGreaterThan(0.6);
    expect(sscph / patients.length).toBeLessThan(0.72);
    const asOf = parseLocalDate('2026-11-01');
    const ages = patients.map((p) => ageAt(p.birthDate ?? '', asOf));
    expect(ages.filter((a) => a < 12).length).toBeGreaterThanOrEqual(2);
    expect(ages.filter((a) => a > 80).length).toBeGreaterThanOrEqual(4);
  });

  it('gives every patient a valid Zhoushan resident ID and a HIS number of their hospital', () => {
    for (const p of ofType('Patient')) {
      const rid = p.identifier?.find((i) => i.system === SYSTEM.residentId)?.value ?? '';
      expect(isValidResidentId(rid), p.id).toBe(true);
      expect(rid.startsWith('3309')).toBe(true);
      const org = p.managingOrganization?.reference?.replace('Organization/', '');
      expect(org === 'sscph' || org === 'dsfph').toBe(true);
      expect(p.identifier?.some((i) => i.system === `urn:cloudclinic:his:${org}` && /^(SS|DS)\d{7}$/.test(i.value ?? ''))).toBe(true);
    }
    const ids = ofType('Patient').map((p) => p.identifier?.[0]?.value);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the fixed demo patients', () => {
  const patient = (id: string): Patient => {
    const p = ofType('Patient').find((x) => x.id === id);
    if (!p) throw new Error(`missing ${id}`);
    return p;
  };
  const codes = (list: (Condition | AllergyIntolerance)[]) => list.flatMap((c) => c.code?.coding?.map((x) => x.code) ?? []);
  const currentMeds = (id: string) =>
    forPatient(ofType('MedicationStatement'), id)
      .filter((m: MedicationStatement) => m.status === 'active')
      .map((m) => m.medicationCodeableConcept?.text);

  it('keeps their exact identity', () => {
    for (const d of DEMO_PATIENTS) {
      const p = patient(d.id);
      expect(p.name?.[0]?.text).toBe(d.name);
      expect(p.gender).toBe(d.sex);
      expect(p.birthDate).toBe(d.birthDate);
      expect(p.identifier?.map((i) => i.value)).toEqual([d.residentId, d.hisNumber]);
      expect(p.managingOrganization?.reference).toBe(`Organization/${d.institution}`);
    }
  });

  it('王建国: hypertension and diabetes on amlodipine and metformin, allergic to seafood not penicillin', () => {
    expect(codes(forPatient(ofType('Condition'), 'p-0001'))).toEqual(expect.arrayContaining(['I10', 'E11']));
    expect(currentMeds('p-0001').sort()).toEqual(['盐酸二甲双胍片', '苯磺酸氨氯地平片'].sort());
    const allergies = forPatient(ofType('AllergyIntolerance'), 'p-0001');
    expect(allergies.map((a) => a.category?.[0])).toEqual(['food']);
    expect(codes(allergies)).not.toContain('91936005');
  });

  it('李秀英: coronary heart disease and hypertension, high-criticality penicillin allergy', () => {
    expect(codes(forPatient(ofType('Condition'), 'p-0002'))).toEqual(expect.arrayContaining(['I25', 'I10']));
    const [allergy] = forPatient(ofType('AllergyIntolerance'), 'p-0002');
    expect(allergy?.code?.coding?.[0]).toEqual({ system: SYSTEM.snomed, code: '91936005', display: 'Allergy to penicillin' });
    expect(allergy?.code?.text).toBe('青霉素过敏');
    expect(allergy?.category).toEqual(['medication']);
    expect(allergy?.criticality).toBe('high');
  });

  it('张海燕 on sertraline, 陈志明 with COPD at Daishan, 刘小雨 a child with asthma', () => {
    expect(codes(forPatient(ofType('Condition'), 'p-0003'))).toEqual(expect.arrayContaining(['F32', 'F41']));
    expect(currentMeds('p-0003')).toEqual(['盐酸舍曲林片']);
    expect(codes(forPatient(ofType('Condition'), 'p-0004'))).toContain('J44');
    expect(codes(forPatient(ofType('Condition'), 'p-0005'))).toContain('J45');
    expect(ageAt(patient('p-0005').birthDate ?? '', parseLocalDate('2026-11-01'))).toBeLessThan(12);
  });

  it('has years of lab history with trends, reference ranges and flags', () => {
    const hba1c = forPatient(ofType('Observation'), 'p-0001')
      .filter((o: Observation) => o.code?.coding?.[0]?.code === '4548-4')
      .sort((a, b) => (a.effectiveDateTime ?? '').localeCompare(b.effectiveDateTime ?? ''));
    expect(hba1c.length).toBeGreaterThanOrEqual(6);
    const first = hba1c[0];
    const last = hba1c.at(-1);
    expect(Date.parse(last?.effectiveDateTime ?? '') - Date.parse(first?.effectiveDateTime ?? '')).toBeGreaterThan(3 * 365 * 24 * 3600 * 1000);
    expect(first?.valueQuantity?.value ?? 0).toBeGreaterThan(last?.valueQuantity?.value ?? 0);
    for (const o of hba1c) {
      expect(o.valueQuantity).toMatchObject({ unit: '%', system: SYSTEM.ucum, code: '%' });
      expect(o.referenceRange?.[0]).toMatchObject({ low: { value: 4 }, high: { value: 6 } });
      const value = o.valueQuantity?.value ?? 0;
      expect(o.interpretation?.[0]?.coding?.[0]?.code).toBe(value > 6 ? 'H' : value < 4 ? 'L' : 'N');
    }
  });
});

describe('results from other institutions (互认)', () => {
  it('are tagged and performed by another organization', () => {
    const tagged = all.filter((r) => r.meta?.tag?.some((t) => t.system === SYSTEM.mutualRecognition && t.code === 'recognized' && t.display === '互认'));
    expect(tagged.some((r) => r.resourceType === 'Observation')).toBe(true);
    expect(tagged.some((r) => r.resourceType === 'DiagnosticReport')).toBe(true);
    for (const r of tagged) {
      const performer = JSON.stringify('performer' in r ? r.performer : undefined);
      if (r.resourceType === 'ImagingStudy') continue;
      expect(performer).not.toMatch(/Organization\/(sscph|dsfph)"/);
    }
  });

  it('imaging studies carry a DICOM Study Instance UID and their series', () => {
    const studies = ofType('ImagingStudy');
    expect(new Set(studies.map((s) => s.modality?.[0]?.code))).toEqual(new Set(['CT', 'MR', 'DX', 'US']));
    for (const s of studies) {
      const uid = s.identifier?.find((i) => i.system === SYSTEM.dicomUid)?.value ?? '';
      expect(uid).toMatch(/^urn:oid:2\.25\.[1-9]\d{37}$/);
      expect(s.numberOfSeries).toBe(s.series?.length);
    }
  });
});

describe('the county pharmacy formulary', () => {
  const meds = (): Medication[] => ofType('Medication');
  const byId = (id: string) => meds().find((m) => m.id === id);
  const flag = (m: Medication | undefined, url: string) => (m ? extensionValues(m, url)[0] : undefined);

  it('has at least 100 drugs with Chinese and English names, strength, form and stock', () => {
    expect(meds().length).toBeGreaterThanOrEqual(100);
    for (const m of meds()) {
      expect(m.code?.text).toMatch(/[\u4e00-\u9fff]/);
      expect(m.code?.coding?.[0]?.system).toBe(SYSTEM.formulary);
      expect(m.code?.coding?.[0]?.display).toMatch(/[A-Za-z]/);
      expect(m.ingredient?.[0]?.strength?.numerator?.value).toBeGreaterThan(0);
      expect(m.form?.text).toBeTruthy();
      expect(typeof flag(m, EXT.stock)).toBe('number');
      expect(flag(m, EXT.pinyin)).toMatch(/^[a-z]+$/);
    }
    expect(flag(byId('amlodipine-5mg-tab'), EXT.pinyin)).toBe('aldp');
  });

  it('flags controlled drugs, antibiotic grades, high-alert drugs and drug classes', () => {
    expect(flag(byId('morphine-30mg-er-tab'), EXT.narcotic)).toBe(true);
    expect(flag(byId('amlodipine-5mg-tab'), EXT.narcotic)).toBe(false);
    expect(flag(byId('triazolam-0.25mg-tab'), EXT.psychotropic)).toMatchObject({ code: 'I' });
    expect(flag(byId('methylphenidate-18mg-er-tab'), EXT.psychotropic)).toMatchObject({ code: 'I' });
    expect(flag(byId('alprazolam-0.4mg-tab'), EXT.psychotropic)).toMatchObject({ code: 'II' });
    expect(flag(byId('atropine-0.3mg-tab'), EXT.controlClass)).toMatchObject({ code: 'toxic', display: '医疗用毒性药品' });
    expect(flag(byId('sodium-iodide-131i-cap'), EXT.controlClass)).toMatchObject({ code: 'radioactive', display: '放射性药品' });
    expect(flag(byId('potassium-chloride-10pct-inj'), EXT.internetPrescribing)).toBe(false);
    expect(flag(byId('amlodipine-5mg-tab'), EXT.internetPrescribing)).toBeUndefined();
    expect(flag(byId('amoxicillin-250mg-cap'), EXT.drugClass)).toBe('penicillin');
    expect(flag(byId('amoxicillin-250mg-cap'), EXT.antibioticGrade)).toMatchObject({ code: 'unrestricted', display: '非限制使用级' });
    expect(flag(byId('cefuroxime-250mg-tab'), EXT.drugClass)).toBe('cephalosporin');
    expect(flag(byId('meropenem-500mg-inj'), EXT.antibioticGrade)).toMatchObject({ code: 'special' });
    expect(flag(byId('insulin-glargine-300u-inj'), EXT.highAlert)).toBe(true);
    expect(byId('sertraline-50mg-tab')?.code?.coding?.find((c) => c.system === SYSTEM.atc)?.code).toBe('N06AB06');
  });
});
