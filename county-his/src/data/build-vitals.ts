import type { Observation, Quantity } from '@medplum/fhirtypes';
import { SYSTEM } from '../fhir/systems';
import type { PatientContext } from './context';
import { ageAt, formatDateTime } from './time';
import type { Visit } from './visits';

const VITALS_CATEGORY = [{ coding: [{ system: SYSTEM.observationCategory, code: 'vital-signs', display: 'Vital Signs' }], text: '生命体征' }];

function qty(value: number, unit: string, code: string): Quantity {
  return { value, unit, system: SYSTEM.ucum, code };
}

function flag(code: 'H' | 'L' | 'N') {
  const display = { H: 'High', L: 'Low', N: 'Normal' }[code];
  return [{ coding: [{ system: SYSTEM.interpretation, code, display }] }];
}

/** Per-patient physiology the vitals drift around. */
interface VitalsBaseline {
  systolic: [start: number, end: number];
  diastolic: [start: number, end: number];
  heartRate: number;
  irregular: boolean;
  weightKg: number;
  heightCm: number;
  spo2?: number;
}

export function vitalsBaseline(ctx: PatientContext): VitalsBaseline {
  const { profile: p, rng, asOfMs } = ctx;
  const has = (k: string) => p.conditions.some((c) => c.key === k);
  const age = ageAt(p.birthDate, asOfMs);
  const male = p.sex === 'male';
  const child = age < 14;
  const heightCm = child ? 75 + age * 6 + rng.normal(0, 4) : male ? rng.normal(168, 5) : rng.normal(157, 5);
  const bmi = child ? 16 : rng.normal(has('diabetes') ? 26 : 23.5, 2.5);
  const hypertensive = has('hypertension');
  return {
    systolic: hypertensive ? [rng.int(150, 168), rng.int(128, 142)] : [rng.int(108, 128) + Math.max(0, age - 50) / 3, rng.int(110, 130) + Math.max(0, age - 50) / 3],
    diastolic: hypertensive ? [rng.int(90, 100), rng.int(78, 88)] : [rng.int(66, 80), rng.int(66, 80)],
    heartRate: child ? rng.int(85, 105) : rng.int(64, 84),
    irregular: has('atrialFibrillation'),
    weightKg: Math.round(bmi * (heightCm / 100) ** 2 * 10) / 10,
    heightCm: Math.round(heightCm),
    ...(has('copd') ? { spo2: rng.int(90, 94) } : has('heartFailure') ? { spo2: rng.int(93, 96) } : has('asthma') ? { spo2: rng.int(96, 99) } : {}),
  };
}

function base(ctx: PatientContext, visit: Visit, code: string, display: string, zh: string): Observation {
  return {
    resourceType: 'Observation',
    id: ctx.nextId('vs'),
    status: 'final',
    category: VITALS_CATEGORY,
    code: { coding: [{ system: SYSTEM.loinc, code, display }], text: zh },
    subject: ctx.patientRef,
    encounter: { reference: `Encounter/${visit.encounterId}` },
    effectiveDateTime: formatDateTime(visit.startMs + 3 * 60 * 1000),
    performer: [{ reference: `Organization/${ctx.profile.institution}` }],
  };
}

/** Vital signs taken at the start of a visit. `progress` runs 0 → 1 over the follow-up window. */
export function buildVitals(ctx: PatientContext, visit: Visit, b: VitalsBaseline, progress: number, first: boolean): Observation[] {
  const { rng } = ctx;
  const child = ageAt(ctx.profile.birthDate, visit.startMs) < 14;
  const out: Observation[] = [];
  if (!child) {
    const sys = Math.round(b.systolic[0] + (b.systolic[1] - b.systolic[0]) * progress + rng.normal(0, 6) + (visit.kind === 'inpatient' ? 8 : 0));
    const dia = Math.round(b.diastolic[0] + (b.diastolic[1] - b.diastolic[0]) * progress + rng.normal(0, 4));
    out.push({
      ...base(ctx, visit, '85354-9', 'Blood pressure panel with all children optional', '血压'),
      component: [
        { code: { coding: [{ system: SYSTEM.loinc, code: '8480-6', display: 'Systolic blood pressure' }], text: '收缩压' }, valueQuantity: qty(sys, 'mmHg', 'mm[Hg]'), interpretation: flag(sys >= 140 ? 'H' : sys < 90 ? 'L' : 'N') },
        { code: { coding: [{ system: SYSTEM.loinc, code: '8462-4', display: 'Diastolic blood pressure' }], text: '舒张压' }, valueQuantity: qty(dia, 'mmHg', 'mm[Hg]'), interpretation: flag(dia >= 90 ? 'H' : dia < 60 ? 'L' : 'N') },
      ],
    });
    visit.findings.push(`BP ${sys}/${dia} mmHg`);
  }
  const hr = Math.round(b.heartRate + rng.normal(0, b.irregular ? 12 : 5));
  out.push({ ...base(ctx, visit, '8867-4', 'Heart rate', '心率'), valueQuantity: qty(hr, '次/分', '/min') });
  visit.findings.push(`HR ${hr} 次/分${b.irregular ? '，心律绝对不齐' : ''}`);
  if (b.spo2 !== undefined) {
    const spo2 = Math.min(100, Math.round(b.spo2 + rng.normal(0, 1) - (visit.kind === 'inpatient' ? 4 : 0)));
    out.push({
      ...base(ctx, visit, '59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', '血氧饱和度'),
      valueQuantity: qty(spo2, '%', '%'),
      referenceRange: [{ low: qty(95, '%', '%'), text: '≥95%' }],
      interpretation: flag(spo2 < 95 ? 'L' : 'N'),
    });
    visit.findings.push(`SpO2 ${spo2}%`);
  }
  if (child || visit.acute) {
    const temp = Math.round((visit.acute ? rng.normal(37.8, 0.6) : rng.normal(36.6, 0.2)) * 10) / 10;
    out.push({ ...base(ctx, visit, '8310-5', 'Body temperature', '体温'), valueQuantity: qty(temp, '℃', 'Cel'), interpretation: flag(temp >= 37.3 ? 'H' : 'N') });
    visit.findings.push(`T ${temp}℃`);
  }
  if (first || child || rng.chance(0.5)) {
    const weight = Math.round((b.weightKg + rng.normal(0, 0.8)) * 10) / 10;
    out.push({ ...base(ctx, visit, '29463-7', 'Body weight', '体重'), valueQuantity: qty(weight, 'kg', 'kg') });
  }
  if (first) out.push({ ...base(ctx, visit, '8302-2', 'Body height', '身高'), valueQuantity: qty(b.heightCm, 'cm', 'cm') });
  return out;
}
