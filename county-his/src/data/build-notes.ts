import type { DocumentReference } from '@medplum/fhirtypes';
import { SYSTEM } from '../fhir/systems';
import { CONDITIONS } from './conditions';
import type { PatientContext } from './context';
import { INSTITUTIONS } from './organizations';
import { formatDate, formatDateTime } from './time';
import type { Visit } from './visits';

const FOLLOW_UP_COMPLAINTS = ['自觉无明显不适，按时服药', '偶有头晕乏力，睡眠欠佳', '近期活动后稍感气促，无胸痛', '病情平稳，要求复诊配药', '情绪较前平稳，食欲一般'];

/** Why someone is admitted (by admission diagnosis) and what the ward did. */
const ADMISSION_STORY: Record<string, { complaint: string; treatment: string }> = {
  'J44.1': { complaint: '咳嗽咳痰加重伴气促3天', treatment: '予抗感染、雾化平喘、化痰及低流量吸氧治疗' },
  'I20.0': { complaint: '反复胸闷胸痛1周，加重1天', treatment: '予双联抗血小板、调脂稳定斑块、扩冠治疗，建议择期冠脉造影' },
  'I50.9': { complaint: '双下肢水肿伴夜间不能平卧5天', treatment: '予利尿、扩血管、改善心室重构治疗' },
  'I63.9': { complaint: '突发右侧肢体乏力6小时', treatment: '予抗血小板聚集、调脂、改善循环及康复治疗' },
  'J45.9': { complaint: '喘息发作伴咳嗽2天', treatment: '予雾化吸入糖皮质激素及支气管扩张剂治疗' },
};

function noteText(ctx: PatientContext, visit: Visit): string {
  const p = ctx.profile;
  const diagnoses = [
    ...(visit.acute ? [visit.acute.zh] : []),
    ...visit.reviewed.map((k) => CONDITIONS[k].zh),
  ];
  const inpatient = visit.kind === 'inpatient';
  const story = inpatient && visit.acute ? ADMISSION_STORY[visit.acute.icd10] : undefined;
  const complaint = story?.complaint ?? (visit.acute ? `${visit.acute.zh}相关症状${ctx.rng.int(1, 5)}天` : ctx.rng.pick(FOLLOW_UP_COMPLAINTS));
  const lines = [
    inpatient ? '出院小结' : '门诊病历',
    `${inpatient ? '入院日期' : '就诊日期'}：${formatDate(visit.startMs)}${inpatient ? `  出院日期：${formatDate(visit.endMs)}` : ''}  科室：${visit.department}  医生：${visit.doctor}`,
    `患者：${p.family}${p.given}  性别：${p.sex === 'male' ? '男' : '女'}  出生日期：${p.birthDate}  病历号：${p.hisNumber}`,
    `主诉：${complaint}。`,
    `查体及检查：${visit.findings.filter((f) => !f.startsWith('处方')).join('；') || '无特殊'}。`,
    `诊断：${diagnoses.map((d, i) => `${i + 1}. ${d}`).join(' ') || '健康查体'}`,
    `处理：${visit.findings.find((f) => f.startsWith('处方'))?.replace('处方：', '') ?? (story ? `住院期间${story.treatment}，病情好转出院` : '对症处理')}。${inpatient ? '出院后门诊随访。' : '定期复诊，不适随诊。'}`,
  ];
  return lines.join('\n');
}

/** The clinic note (门诊病历) or discharge summary (出院小结) of a visit. */
export function buildNote(ctx: PatientContext, visit: Visit): DocumentReference {
  const org = INSTITUTIONS[ctx.profile.institution];
  const inpatient = visit.kind === 'inpatient';
  const text = noteText(ctx, visit);
  const data = Buffer.from(text, 'utf8');
  const when = formatDateTime(visit.endMs);
  const docNumber = ctx.nextId('doc');
  return {
    resourceType: 'DocumentReference',
    id: docNumber,
    identifier: [{ system: SYSTEM.documentNumber, value: `${org.hisPrefix}-${docNumber.toUpperCase()}` }],
    status: 'current',
    docStatus: 'final',
    type: inpatient
      ? { coding: [{ system: SYSTEM.loinc, code: '18842-5', display: 'Discharge summary' }], text: '出院小结' }
      : { coding: [{ system: SYSTEM.loinc, code: '34108-1', display: 'Outpatient Note' }], text: '门诊病历' },
    category: [{ coding: [{ system: SYSTEM.documentCategory, code: inpatient ? 'discharge' : 'outpatient-emr', display: inpatient ? '出院小结' : '门诊电子病历' }] }],
    subject: ctx.patientRef,
    date: new Date(visit.endMs).toISOString(),
    author: [{ display: visit.doctor }],
    custodian: { reference: `Organization/${org.id}`, display: org.name },
    description: `${visit.department}${inpatient ? '出院小结' : '门诊病历'}`,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'zh-CN',
          data: data.toString('base64'),
          size: data.length,
          title: `${inpatient ? '出院小结' : '门诊病历'} ${formatDate(visit.startMs)}`,
          creation: when,
        },
      },
    ],
    context: {
      encounter: [{ reference: `Encounter/${visit.encounterId}` }],
      period: { start: formatDateTime(visit.startMs), end: formatDateTime(visit.endMs) },
      facilityType: { text: org.name },
      practiceSetting: { text: visit.department },
    },
  };
}
