import { CONDITIONS, type ConditionKey, type ExamKey } from './conditions';
import type { PatientContext } from './context';
import type { PanelKey } from './labs';
import { DOCTORS } from './names';
import { DAY_MS, ageAt, clinicTime, parseLocalDate } from './time';

export interface Diagnosis {
  icd10: string;
  en: string;
  zh: string;
}

/** One planned visit; builders of vitals, labs and exams add what they found for the clinic note. */
export interface Visit {
  encounterId: string;
  kind: 'outpatient' | 'inpatient';
  startMs: number;
  endMs: number;
  doctor: string;
  department: string;
  /** Chronic problems reviewed at this visit. */
  reviewed: readonly ConditionKey[];
  /** A new diagnosis made at this visit (acute illness, exacerbation). */
  acute?: Diagnosis;
  panels: readonly PanelKey[];
  exams: readonly ExamKey[];
  findings: string[];
}

const ACUTE_ADULT: readonly Diagnosis[] = [
  { icd10: 'J06.9', en: 'Acute upper respiratory infection, unspecified', zh: '急性上呼吸道感染' },
  { icd10: 'J20.9', en: 'Acute bronchitis, unspecified', zh: '急性支气管炎' },
  { icd10: 'K29.7', en: 'Gastritis, unspecified', zh: '胃炎' },
  { icd10: 'M54.5', en: 'Low back pain', zh: '腰痛' },
  { icd10: 'L30.9', en: 'Dermatitis, unspecified', zh: '皮炎' },
];
const ACUTE_CHILD: readonly Diagnosis[] = [
  { icd10: 'J06.9', en: 'Acute upper respiratory infection, unspecified', zh: '急性上呼吸道感染' },
  { icd10: 'J20.9', en: 'Acute bronchitis, unspecified', zh: '急性支气管炎' },
  { icd10: 'A09', en: 'Other gastroenteritis and colitis of infectious and unspecified origin', zh: '感染性腹泻' },
];

/** Why someone with this condition gets admitted, and where. */
const ADMISSIONS: Partial<Record<ConditionKey, { diagnosis: Diagnosis; department: string; panels: PanelKey[]; exams: ExamKey[] }>> = {
  copd: { diagnosis: { icd10: 'J44.1', en: 'Chronic obstructive pulmonary disease with acute exacerbation, unspecified', zh: '慢性阻塞性肺疾病急性加重' }, department: '呼吸内科', panels: ['cbc', 'renal'], exams: ['chestCt'] },
  chd: { diagnosis: { icd10: 'I20.0', en: 'Unstable angina', zh: '不稳定型心绞痛' }, department: '心血管内科', panels: ['cbc', 'renal', 'lipid', 'ntprobnp'], exams: ['ecg', 'echo'] },
  heartFailure: { diagnosis: { icd10: 'I50.9', en: 'Heart failure, unspecified', zh: '慢性心力衰竭急性加重' }, department: '心血管内科', panels: ['cbc', 'renal', 'ntprobnp'], exams: ['echo', 'chestXray'] },
  stroke: { diagnosis: { icd10: 'I63.9', en: 'Cerebral infarction, unspecified', zh: '脑梗死' }, department: '神经内科', panels: ['cbc', 'lipid', 'glycemic'], exams: ['headCt', 'brainMr'] },
  asthma: { diagnosis: { icd10: 'J45.9', en: 'Asthma, unspecified', zh: '支气管哮喘急性发作' }, department: '儿科', panels: ['cbc'], exams: ['chestXray'] },
};

const DEPARTMENT: Record<ConditionKey, string> = {
  hypertension: '心血管内科', chd: '心血管内科', heartFailure: '心血管内科', atrialFibrillation: '心血管内科',
  diabetes: '内分泌科', hypothyroidism: '内分泌科', gout: '内分泌科',
  copd: '呼吸内科', asthma: '呼吸内科', stroke: '神经内科',
  depression: '精神心理科', anxiety: '精神心理科',
  gastricCancer: '肿瘤科', lungCancer: '肿瘤科',
};

/** How often each exam is repeated in follow-up (days). */
const EXAM_INTERVAL: Record<ExamKey, number> = {
  ecg: 365, echo: 730, chestCt: 365, chestXray: 540, headCt: 900, brainMr: 900, abdominalUs: 400, abdominalCt: 200,
};

const HEALTH_CHECK: readonly PanelKey[] = ['cbc', 'liver', 'renal', 'glycemic'];

function clinic(ctx: PatientContext, dayMs: number): { startMs: number; endMs: number } {
  const startMs = clinicTime(dayMs, ctx.rng.int(8 * 60, 16 * 60 + 30));
  return { startMs, endMs: startMs + ctx.rng.int(10, 25) * 60 * 1000 };
}

export function planVisits(ctx: PatientContext): Visit[] {
  const { profile: p, rng, asOfMs } = ctx;
  const doctors = DOCTORS[p.institution];
  const child = ageAt(p.birthDate, asOfMs) < 14;
  const visits: Omit<Visit, 'encounterId'>[] = [];
  const keys = p.conditions.map((c) => c.key);

  if (p.conditions.length > 0) {
    const firstOnset = Math.min(...p.conditions.map((c) => parseLocalDate(c.onset)));
    const windowStart = Math.max(firstOnset, asOfMs - 5 * 365 * DAY_MS);
    const lastExam = new Map<ExamKey, number>();
    const checkedYears = new Set<string>();
    let day = windowStart + rng.int(0, 30) * DAY_MS;
    let index = 0;
    while (day < asOfMs - 7 * DAY_MS) {
      const { startMs, endMs } = clinic(ctx, day);
      const reviewed = keys.filter((k) => p.conditions.some((c) => c.key === k && parseLocalDate(c.onset) <= day));
      const panels = new Set<PanelKey>(index % 2 === 0 ? reviewed.flatMap((k) => CONDITIONS[k].panels) : []);
      const year = new Date(startMs).getUTCFullYear().toString();
      if (ageAt(p.birthDate, startMs) >= 40 && !checkedYears.has(year)) {
        checkedYears.add(year);
        HEALTH_CHECK.forEach((panel) => panels.add(panel));
      }
      const exams = [...new Set(reviewed.flatMap((k) => CONDITIONS[k].exams))].filter((exam) => {
        const last = lastExam.get(exam);
        const due = last === undefined || startMs - last > EXAM_INTERVAL[exam] * DAY_MS * rng.float(0.9, 1.4);
        if (due) lastExam.set(exam, startMs);
        return due;
      });
      const main = reviewed[0];
      visits.push({
        kind: 'outpatient', startMs, endMs, doctor: rng.pick(doctors),
        department: child ? '儿科' : main ? DEPARTMENT[main] : '全科门诊',
        reviewed, panels: [...panels], exams, findings: [],
      });
      day += rng.int(child ? 90 : 60, child ? 180 : 120) * DAY_MS;
      index++;
    }
  }

  const acuteCount = p.conditions.length > 0 ? rng.int(0, 2) : rng.int(1, 3);
  for (let i = 0; i < acuteCount; i++) {
    const { startMs, endMs } = clinic(ctx, asOfMs - rng.int(20, 3 * 365) * DAY_MS);
    visits.push({
      kind: 'outpatient', startMs, endMs, doctor: rng.pick(doctors), department: child ? '儿科' : '全科门诊',
      reviewed: [], acute: rng.pick(child ? ACUTE_CHILD : ACUTE_ADULT), panels: rng.chance(0.4) ? ['cbc'] : [], exams: [], findings: [],
    });
  }

  const admittable = keys.filter((k) => ADMISSIONS[k] !== undefined);
  const admissions = p.admissions ?? (admittable.length > 0 && rng.chance(0.35) ? 1 : 0);
  for (let i = 0; i < admissions; i++) {
    const key = admittable[i % Math.max(1, admittable.length)];
    const plan = key ? ADMISSIONS[key] : undefined;
    if (!key || !plan) break;
    const onset = parseLocalDate(p.conditions.find((c) => c.key === key)?.onset ?? '2020-01-01');
    const from = Math.max(onset + 90 * DAY_MS, asOfMs - 4 * 365 * DAY_MS);
    const startMs = clinicTime(rng.int(Math.min(from, asOfMs - 60 * DAY_MS), asOfMs - 45 * DAY_MS), rng.int(9 * 60, 20 * 60));
    visits.push({
      kind: 'inpatient', startMs, endMs: startMs + rng.int(5, 12) * DAY_MS, doctor: rng.pick(doctors), department: plan.department,
      reviewed: keys, acute: plan.diagnosis, panels: plan.panels, exams: plan.exams, findings: [],
    });
  }

  return visits
    .sort((a, b) => a.startMs - b.startMs)
    .map((v) => ({ ...v, encounterId: ctx.nextId('enc') }));
}
