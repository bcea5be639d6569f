import type { RecordResponse } from '../../api/record-api';

/**
 * Test data: a small record of demo patient p-0002 (李秀英) shaped exactly like the county HIS
 * simulator's resources (county-his/src/data), for the unit tests of the record model.
 */
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const INTERP = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const RECOGNISED = { tag: [{ system: 'urn:cloudclinic:mutual-recognition', code: 'recognized', display: '互认' }] };
const SSCPH = { reference: 'Organization/sscph', display: '嵊泗县人民医院' };
const ZJH = { reference: 'Organization/zjh', display: '浙江医院' };

const flag = (code: string) => [{ coding: [{ system: INTERP, code }] }];
const category = (code: string) => [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }] }];
const utf8Base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

export const PATIENT = {
  resourceType: 'Patient',
  id: 'p-0002',
  identifier: [
    {
      use: 'official',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NI' }], text: '居民身份证' },
      system: 'urn:oid:2.16.156.10011.1.1',
      value: '330922194809300262',
    },
    {
      use: 'usual',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }], text: '病历号' },
      system: 'urn:cloudclinic:his:sscph',
      value: 'SS1000002',
    },
  ],
  name: [{ use: 'official', text: '李秀英', family: '李', given: ['秀英'] }],
  gender: 'female',
  birthDate: '1948-09-30',
  managingOrganization: SSCPH,
};

export const PENICILLIN = {
  resourceType: 'AllergyIntolerance',
  id: 'alg-0002-0001',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
  type: 'allergy',
  category: ['medication'],
  criticality: 'high',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '91936005', display: 'Allergy to penicillin' }], text: '青霉素过敏' },
  reaction: [{ manifestation: [{ coding: [{ system: 'http://snomed.info/sct', code: '39579001', display: 'Anaphylaxis' }], text: '过敏性休克' }], severity: 'severe' }],
};

function condition(id: string, status: string, icd: string, text: string, onset: string) {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: icd }], text },
    onsetDateTime: onset,
    recordedDate: onset,
  };
}

function lab(id: string, loinc: string, text: string, at: string, value: number, unit: string, interp: string, range: object, extra: object = {}) {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: category('laboratory'),
    code: { coding: [{ system: LOINC, code: loinc }], text },
    effectiveDateTime: at,
    performer: [SSCPH],
    valueQuantity: { value, unit, system: UCUM },
    interpretation: flag(interp),
    referenceRange: [range],
    ...extra,
  };
}

function bloodPressure(id: string, at: string, sys: number, dia: number) {
  const part = (code: string, text: string, value: number, interp: string) => ({
    code: { coding: [{ system: LOINC, code }], text },
    valueQuantity: { value, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
    interpretation: flag(interp),
  });
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: category('vital-signs'),
    code: { coding: [{ system: LOINC, code: '85354-9' }], text: '血压' },
    effectiveDateTime: at,
    component: [part('8480-6', '收缩压', sys, sys >= 140 ? 'H' : 'N'), part('8462-4', '舒张压', dia, dia >= 90 ? 'H' : 'N')],
  };
}

export const NOTE_TEXT = '门诊病历\n主诉：自觉无明显不适，按时服药。\n诊断：1. 原发性高血压';

export function recordFixture(overrides: Partial<RecordResponse> = {}): RecordResponse {
  const creatinineRange = { low: { value: 41, unit: 'μmol/L' }, high: { value: 81, unit: 'μmol/L' }, text: '41-81' };
  const resources: unknown[] = [
    PATIENT,
    condition('cond-1', 'active', 'I10', '原发性高血压', '2008-05-20'),
    condition('cond-2', 'active', 'I25', '慢性缺血性心脏病（冠心病）', '2015-11-03'),
    condition('cond-3', 'resolved', 'I20.0', '不稳定型心绞痛', '2023-05-08'),
    PENICILLIN,
    lab('lab-1', '14682-9', '肌酐', '2021-11-11T08:30:00+08:00', 51, 'μmol/L', 'N', creatinineRange),
    lab('lab-2', '14682-9', '肌酐', '2022-05-23T11:10:00+08:00', 70, 'μmol/L', 'N', creatinineRange, { meta: RECOGNISED, performer: [ZJH] }),
    lab('lab-3', '14682-9', '肌酐', '2026-10-01T08:30:00+08:00', 83, 'μmol/L', 'H', creatinineRange),
    lab('lab-4', '33762-6', 'N末端B型利钠肽前体', '2022-05-23T11:10:00+08:00', 381, 'pg/mL', 'H', { high: { value: 125 }, text: '<125' }, { meta: RECOGNISED, performer: [ZJH] }),
    lab('lab-5', '2951-2', '钠', '2026-10-01T08:30:00+08:00', 134.1, 'mmol/L', 'L', { low: { value: 137 }, high: { value: 147 } }),
    bloodPressure('vs-1', '2021-11-11T08:13:00+08:00', 171, 96),
    bloodPressure('vs-2', '2026-10-01T08:13:00+08:00', 138, 82),
    {
      resourceType: 'Observation',
      id: 'vs-3',
      status: 'final',
      category: category('vital-signs'),
      code: { coding: [{ system: LOINC, code: '8867-4' }], text: '心率' },
      effectiveDateTime: '2026-10-01T08:13:00+08:00',
      valueQuantity: { value: 65, unit: '次/分' },
    },
    {
      resourceType: 'DiagnosticReport',
      id: 'dr-1',
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }], text: '检验' }],
      code: { coding: [{ system: LOINC, code: '24362-6' }], text: '肾功能+电解质' },
      effectiveDateTime: '2026-10-01T08:30:00+08:00',
      performer: [SSCPH],
      conclusion: '肌酐 83μmol/L↑',
    },
    {
      resourceType: 'DiagnosticReport',
      id: 'dr-2',
      meta: RECOGNISED,
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'CUS' }], text: '超声心动图' }],
      code: { coding: [{ system: LOINC, code: '42148-7' }], text: '超声心动图' },
      effectiveDateTime: '2021-10-18T08:10:00+08:00',
      performer: [{ reference: 'Organization/zsputuo', display: '舟山市普陀医院' }],
      conclusion: '各房室大小正常，左室射血分数62%',
    },
    {
      resourceType: 'ImagingStudy',
      id: 'img-1',
      meta: RECOGNISED,
      status: 'available',
      modality: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'US' }],
      started: '2021-10-18T08:10:00+08:00',
      numberOfSeries: 1,
      numberOfInstances: 76,
      description: '超声心动图',
      location: { display: '舟山市普陀医院' },
    },
    {
      resourceType: 'MedicationStatement',
      id: 'ms-1',
      status: 'active',
      medicationCodeableConcept: { text: '阿司匹林肠溶片' },
      effectivePeriod: { start: '2015-11-03' },
      informationSource: SSCPH,
      dosage: [{ text: '阿司匹林肠溶片 100mg，每日1次，每次1片，口服' }],
    },
    { resourceType: 'MedicationStatement', id: 'ms-2', status: 'stopped', medicationCodeableConcept: { text: '硝苯地平控释片' } },
    {
      resourceType: 'Encounter',
      id: 'enc-1',
      status: 'finished',
      class: { code: 'AMB' },
      type: [{ text: '慢病复诊' }],
      serviceType: { text: '心血管内科' },
      participant: [{ individual: { display: '虞海波' } }],
      period: { start: '2021-11-11T08:10:00+08:00', end: '2021-11-11T08:27:00+08:00' },
      reasonCode: [{ text: '原发性高血压' }, { text: '慢性缺血性心脏病（冠心病）' }],
      serviceProvider: SSCPH,
    },
    {
      resourceType: 'Encounter',
      id: 'enc-2',
      status: 'finished',
      class: { code: 'IMP' },
      type: [{ text: '住院' }],
      period: { start: '2023-05-08T10:00:00+08:00', end: '2023-05-15T09:00:00+08:00' },
      reasonCode: [{ text: '不稳定型心绞痛' }],
      serviceProvider: SSCPH,
    },
    {
      resourceType: 'DocumentReference',
      id: 'doc-1',
      status: 'current',
      type: { text: '门诊病历' },
      // 00:27 UTC is 08:27 in China: the note belongs to the 11 Nov visit.
      date: '2021-11-11T00:27:00.000Z',
      author: [{ display: '虞海波' }],
      custodian: SSCPH,
      description: '心血管内科门诊病历',
      content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: utf8Base64(NOTE_TEXT) } }],
    },
  ];
  return { bundle: { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) }, failed: [], partial: false, ...overrides };
}
