import { describe, expect, it } from 'vitest';
import { NOTE_TEXT, PATIENT, PENICILLIN, recordFixture } from './record-fixture';
import { buildRecordModel } from './record-model';

const NOW = new Date('2026-11-23T02:00:00Z');
const model = (overrides?: Parameters<typeof recordFixture>[0]) => buildRecordModel(recordFixture(overrides), NOW);

function withResources(...extra: unknown[]) {
  const base = recordFixture();
  return buildRecordModel({ ...base, bundle: { ...base.bundle, entry: [...(base.bundle.entry ?? []), ...extra.map((resource) => ({ resource }))] } }, NOW);
}

function onlyResources(...resources: unknown[]) {
  return buildRecordModel({ bundle: { resourceType: 'Bundle', entry: resources.map((resource) => ({ resource })) }, failed: [], partial: false }, NOW);
}

describe('buildRecordModel: header and allergies', () => {
  it('shows who the patient is with the resident ID masked to region and last four', () => {
    expect(model().patient).toEqual({
      id: 'p-0002',
      name: '李秀英',
      sex: 'female',
      birthDate: '1948-09-30',
      age: { value: 78, unit: 'year' },
      maskedResidentId: '330922********0262',
      hisNumber: 'SS1000002',
      institution: '嵊泗县人民医院',
    });
    expect(JSON.stringify(model())).not.toContain('330922194809300262');
  });

  it('lists the penicillin allergy with its reaction and criticality', () => {
    expect(model().allergies).toEqual([
      { id: 'alg-0002-0001', substance: '青霉素', category: 'medication', criticality: 'high', reactions: ['过敏性休克'], severity: 'severe', unconfirmed: false },
    ]);
  });

  it('leaves out "no known allergy" statements, refuted and resolved allergies', () => {
    const nka = { resourceType: 'AllergyIntolerance', id: 'nka', code: { coding: [{ system: 'http://snomed.info/sct', code: '716186003' }], text: '无已知过敏' } };
    const refuted = { ...PENICILLIN, id: 'refuted', verificationStatus: { coding: [{ code: 'refuted' }] } };
    const resolved = { ...PENICILLIN, id: 'resolved', clinicalStatus: { coding: [{ code: 'resolved' }] } };
    expect(onlyResources(PATIENT, nka, refuted, resolved).allergies).toEqual([]);
  });
});

describe('buildRecordModel: problems, medications', () => {
  it('puts active conditions with ICD-10 in the problem list, newest onset first, and resolved ones in the past', () => {
    const m = model();
    expect(m.problems.map((p) => [p.icd10, p.display, p.onset])).toEqual([
      ['I25', '慢性缺血性心脏病（冠心病）', '2015-11-03'],
      ['I10', '原发性高血压', '2008-05-20'],
    ]);
    expect(m.pastProblems.map((p) => p.icd10)).toEqual(['I20.0']);
  });

  it('lists only active medication statements with their dosage', () => {
    expect(model().medications).toEqual([{ id: 'ms-1', name: '阿司匹林肠溶片', dosage: '阿司匹林肠溶片 100mg，每日1次，每次1片，口服', since: '2015-11-03', source: '嵊泗县人民医院' }]);
  });
});

describe('buildRecordModel: labs and vitals', () => {
  it('groups lab results by LOINC code with the series oldest first and flags the latest value', () => {
    const creatinine = model().labs.find((l) => l.loinc === '14682-9');
    expect(creatinine).toMatchObject({ name: '肌酐', unit: 'μmol/L', range: '41-81', low: 41, high: 81, abnormal: true });
    expect(creatinine?.series.map((p) => [p.day, p.value, p.flag])).toEqual([
      ['2021-11-11', 51, 'N'],
      ['2022-05-23', 70, 'N'],
      ['2026-10-01', 83, 'H'],
    ]);
    expect(creatinine?.latest.id).toBe('lab-3');
  });

  it('marks results accepted from another institution (互认) with that institution', () => {
    const creatinine = model().labs.find((l) => l.loinc === '14682-9');
    expect(creatinine?.series.map((p) => p.recognised)).toEqual([false, true, false]);
    expect(creatinine?.series[1]?.institution).toBe('浙江医院');
    expect(model().labs.find((l) => l.loinc === '33762-6')).toMatchObject({ range: '<125', abnormal: true, latest: { recognised: true, flag: 'H' } });
  });

  it('orders analytes by the latest test date and flags low values', () => {
    const labs = model().labs;
    expect(labs.map((l) => l.name)).toEqual(['肌酐', '钠', 'N末端B型利钠肽前体']);
    expect(labs.find((l) => l.name === '钠')).toMatchObject({ range: '137-147', latest: { flag: 'L', display: '134.1' } });
  });

  it('derives the flag from the reference range when the HIS sends no interpretation', () => {
    const glucose = {
      resourceType: 'Observation',
      id: 'glu',
      status: 'final',
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '14771-0' }], text: '空腹血糖' },
      effectiveDateTime: '2026-10-02',
      valueQuantity: { value: 7.8, unit: 'mmol/L' },
      referenceRange: [{ low: { value: 3.9 }, high: { value: 6.1 } }],
    };
    expect(withResources(glucose).labs.find((l) => l.loinc === '14771-0')).toMatchObject({ range: '3.9-6.1', abnormal: true, latest: { flag: 'H' } });
  });

  it('shows the latest vital signs, blood pressure first as systolic/diastolic', () => {
    expect(model().vitals.map((v) => [v.name, v.display, v.unit, v.day, v.flag])).toEqual([
      ['血压', '138/82', 'mmHg', '2026-10-01', 'N'],
      ['心率', '65', '次/分', '2026-10-01', null],
    ]);
  });
});

describe('buildRecordModel: timeline, reports, imaging, notes', () => {
  it('builds the visit timeline by China calendar day, newest first, the visit leading its day', () => {
    const timeline = model().timeline;
    expect(timeline.map((d) => [d.day, d.entries.map((e) => `${e.kind}:${e.id}`)])).toEqual([
      ['2026-10-01', ['report:dr-1']],
      ['2023-05-08', ['visit:enc-2']],
      ['2021-11-11', ['visit:enc-1', 'document:doc-1']],
      ['2021-10-18', ['report:dr-2']],
    ]);
    expect(timeline[1]?.entries[0]).toMatchObject({ kind: 'visit', setting: 'inpatient', until: '2023-05-15', diagnoses: ['不稳定型心绞痛'] });
    expect(timeline[2]?.entries[0]).toMatchObject({ setting: 'outpatient', title: '慢病复诊', department: '心血管内科', practitioner: '虞海波' });
  });

  it('separates exam reports from lab panels and keeps the 互认 flag and conclusion', () => {
    const exam = model().reports.find((r) => r.section === 'exam');
    expect(exam).toMatchObject({ id: 'dr-2', title: '超声心动图', conclusion: '各房室大小正常，左室射血分数62%', recognised: true, institution: '舟山市普陀医院' });
    expect(model().reports.find((r) => r.id === 'dr-1')?.section).toBe('lab');
  });

  it('lists imaging studies', () => {
    expect(model().imaging).toEqual([
      { id: 'img-1', at: Date.parse('2021-10-18T08:10:00+08:00'), day: '2021-10-18', description: '超声心动图', modalities: ['US'], series: 1, instances: 76, recognised: true, institution: '舟山市普陀医院' },
    ]);
  });

  it('decodes the base64 note text', () => {
    expect(model().documents[0]).toMatchObject({ title: '门诊病历', author: '虞海波', day: '2021-11-11', note: { status: 'ok', text: NOTE_TEXT } });
  });
});

describe('buildRecordModel: partial and malformed data', () => {
  it('names the parts that failed to load', () => {
    const failed = [
      { part: 'allergies', resourceType: 'AllergyIntolerance', reason: 'unavailable', message: 'timeout' },
      { part: 'carePlans', resourceType: 'CarePlan', reason: 'rejected', message: 'unknown' },
    ];
    const m = model({ failed, partial: true });
    expect(m.missing).toEqual(['allergies']);
    expect(m.failures).toHaveLength(2);
  });

  it('skips what cannot be read, keeps the rest, and tolerates odd optional fields', () => {
    const noId = { resourceType: 'Observation', status: 'final' };
    const oddValue = { resourceType: 'Observation', id: 'odd', category: [{ coding: [{ code: 'laboratory' }] }], code: { text: '钾' }, effectiveDateTime: '2026-10-01', valueQuantity: { value: 'abc' } };
    const oddCoding = { resourceType: 'Condition', id: 'c-odd', clinicalStatus: { coding: 'active' }, code: { coding: 'I10', text: '高血压' } };
    const m = withResources(noId, oddValue, oddCoding, 'not a resource', { resourceType: 'Basic', id: 'b' });
    expect(m.skipped).toBe(2);
    expect(m.labs.some((l) => l.name === '钾')).toBe(false);
    expect(m.problems.map((p) => p.display)).toContain('高血压');
    expect(m.allergies).toHaveLength(1);
  });

  it('has no patient header when the HIS sent no readable Patient', () => {
    expect(onlyResources(PENICILLIN).patient).toBeNull();
  });
});
