import type { ConditionKey } from './conditions';
import type { LabKey } from './labs';
import type { PatientProfile } from './profile';
import type { Rng } from './prng';

/** A lab value's course over the follow-up window: linear from `start` to `end`, plus noise. */
export interface Trajectory {
  start: number;
  end: number;
  sd: number;
}

/**
 * Realistic courses: a diabetic's HbA1c falls as treatment settles, LDL falls on a statin, an old
 * kidney's creatinine creeps up, a heart-failure patient's NT-proBNP comes down after admission.
 */
export function labTrajectory(lab: LabKey, p: PatientProfile, age: number, rng: Rng): Trajectory {
  const has = (k: ConditionKey) => p.conditions.some((c) => c.key === k);
  const male = p.sex === 'male';
  const onStatin = p.medications.some((m) => /statin/.test(m));
  const steady = (mean: number, sd: number): Trajectory => ({ start: mean, end: mean, sd });
  const drift = (start: number, end: number, sd: number): Trajectory => ({ start, end, sd });
  switch (lab) {
    case 'hba1c':
      return has('diabetes') ? drift(rng.float(7.8, 9.6), rng.float(6.4, 7.9), 0.35) : steady(rng.float(5.1, 5.8), 0.2);
    case 'glucose':
      return has('diabetes') ? drift(rng.float(8.5, 11), rng.float(6.5, 8.2), 0.8) : steady(rng.float(4.6, 5.6), 0.35);
    case 'tc':
      return onStatin ? drift(rng.float(5.6, 6.6), rng.float(3.8, 4.6), 0.3) : steady(rng.float(4.3, 5.6), 0.35);
    case 'tg':
      return has('diabetes') ? drift(rng.float(2.0, 3.0), rng.float(1.5, 2.2), 0.3) : steady(rng.float(0.9, 1.7), 0.3);
    case 'ldl':
      return onStatin ? drift(rng.float(3.6, 4.4), rng.float(1.7, 2.6), 0.25) : steady(rng.float(2.4, 3.5), 0.3);
    case 'creatinine': {
      const base = male ? rng.float(72, 95) : rng.float(52, 72);
      const ageing = age > 70 || has('diabetes') || has('heartFailure') ? rng.float(8, 30) : 0;
      return drift(base, base + ageing, 5);
    }
    case 'uricAcid':
      return has('gout') ? drift(rng.float(520, 600), rng.float(330, 420), 30) : steady(male ? rng.float(300, 400) : rng.float(220, 320), 35);
    case 'potassium':
      return has('heartFailure') ? steady(rng.float(4.5, 5.0), 0.35) : steady(rng.float(3.9, 4.5), 0.3);
    case 'sodium':
      return steady(rng.float(139, 143), 1.8);
    case 'alt':
      return has('diabetes') && rng.chance(0.5) ? drift(rng.float(48, 70), rng.float(30, 45), 8) : steady(rng.float(15, 30), 6);
    case 'ast':
      return steady(rng.float(17, 28), 4);
    case 'hemoglobin': {
      const normal = male ? rng.float(138, 152) : rng.float(120, 134);
      if (has('gastricCancer') || has('lungCancer')) return drift(normal - rng.float(25, 35), normal - rng.float(5, 15), 5);
      return steady(age > 80 ? normal - 10 : normal, 5);
    }
    case 'wbc':
      return steady(rng.float(5, 7.5), 1.1);
    case 'platelets':
      return steady(rng.float(170, 260), 30);
    case 'ntprobnp':
      if (has('heartFailure')) return drift(rng.float(2500, 4200), rng.float(900, 1600), 250);
      return has('chd') || age >= 75 ? steady(rng.float(150, 420), 60) : steady(rng.float(30, 90), 20);
    case 'tsh':
      return has('hypothyroidism') ? drift(rng.float(9, 14), rng.float(1.8, 3.8), 0.6) : steady(rng.float(1.2, 3.0), 0.5);
    case 'inr':
      return p.medications.includes('warfarin-2.5mg-tab') ? steady(rng.float(2.1, 2.7), 0.35) : steady(rng.float(0.95, 1.1), 0.05);
    case 'cea':
      return has('gastricCancer') || has('lungCancer') ? drift(rng.float(4.5, 8), rng.float(2, 5.5), 0.9) : steady(rng.float(1, 2.5), 0.4);
  }
}
