import type { RouteCode } from '@cloudclinic/shared';

export interface DoseLimit {
  /** Normalised ingredient name (see ingredients.ts). */
  key: string;
  unit: 'mg' | 'ug' | 'g';
  /** Maximum daily dose for adults. */
  adult: number;
  /** Lower maximum from 65 years (Beers criteria, labels). */
  elderly?: number;
  /** Age-banded maximum for children: the first band with age < belowAge applies. */
  children?: readonly { belowAge: number; max: number }[];
  /** Only for these routes (e.g. an oral limit that does not fit the injection). */
  routes?: readonly RouteCode[];
}

/** Maximum daily doses (adult labels, Chinese Pharmacopoeia clinical guide; Beers 2023 for the elderly). */
export const DOSE_LIMITS: readonly DoseLimit[] = [
  { key: 'amlodipine', unit: 'mg', adult: 10 },
  { key: 'nifedipine', unit: 'mg', adult: 120 },
  { key: 'felodipine', unit: 'mg', adult: 10 },
  { key: 'valsartan', unit: 'mg', adult: 320 },
  { key: 'losartan', unit: 'mg', adult: 100 },
  { key: 'irbesartan', unit: 'mg', adult: 300 },
  { key: 'telmisartan', unit: 'mg', adult: 80 },
  { key: 'enalapril', unit: 'mg', adult: 40 },
  { key: 'benazepril', unit: 'mg', adult: 40 },
  { key: 'perindopril', unit: 'mg', adult: 8 },
  { key: 'captopril', unit: 'mg', adult: 150 },
  { key: 'metoprolol', unit: 'mg', adult: 190 },
  { key: 'bisoprolol', unit: 'mg', adult: 10 },
  { key: 'hydrochlorothiazide', unit: 'mg', adult: 50 },
  { key: 'indapamide', unit: 'mg', adult: 2.5 },
  { key: 'spironolactone', unit: 'mg', adult: 100, elderly: 25 },
  { key: 'terazosin', unit: 'mg', adult: 20 },
  { key: 'atorvastatin', unit: 'mg', adult: 80, children: [{ belowAge: 18, max: 20 }] },
  { key: 'rosuvastatin', unit: 'mg', adult: 20 },
  { key: 'simvastatin', unit: 'mg', adult: 40 },
  { key: 'pravastatin', unit: 'mg', adult: 40 },
  { key: 'ezetimibe', unit: 'mg', adult: 10 },
  { key: 'fenofibrate', unit: 'mg', adult: 200 },
  { key: 'aspirin', unit: 'mg', adult: 300 },
  { key: 'clopidogrel', unit: 'mg', adult: 75 },
  { key: 'ticagrelor', unit: 'mg', adult: 180 },
  { key: 'warfarin', unit: 'mg', adult: 15 },
  { key: 'rivaroxaban', unit: 'mg', adult: 30 },
  { key: 'dabigatran', unit: 'mg', adult: 300 },
  { key: 'isosorbide mononitrate', unit: 'mg', adult: 120 },
  { key: 'digoxin', unit: 'mg', adult: 0.25, elderly: 0.125 },
  { key: 'amiodarone', unit: 'mg', adult: 400 },
  { key: 'trimetazidine', unit: 'mg', adult: 70 },
  { key: 'metformin', unit: 'mg', adult: 2000, children: [{ belowAge: 10, max: 0 }, { belowAge: 18, max: 2000 }] },
  { key: 'glimepiride', unit: 'mg', adult: 6 },
  { key: 'gliclazide', unit: 'mg', adult: 120 },
  { key: 'acarbose', unit: 'mg', adult: 300 },
  { key: 'sitagliptin', unit: 'mg', adult: 100 },
  { key: 'linagliptin', unit: 'mg', adult: 5 },
  { key: 'dapagliflozin', unit: 'mg', adult: 10 },
  { key: 'empagliflozin', unit: 'mg', adult: 25 },
  { key: 'pioglitazone', unit: 'mg', adult: 45 },
  { key: 'levothyroxine', unit: 'ug', adult: 300 },
  { key: 'alendronate', unit: 'mg', adult: 70 },
  { key: 'allopurinol', unit: 'mg', adult: 800 },
  { key: 'febuxostat', unit: 'mg', adult: 80 },
  { key: 'sertraline', unit: 'mg', adult: 200 },
  { key: 'escitalopram', unit: 'mg', adult: 20, elderly: 10 },
  { key: 'paroxetine', unit: 'mg', adult: 50, elderly: 40 },
  { key: 'fluoxetine', unit: 'mg', adult: 60 },
  { key: 'venlafaxine', unit: 'mg', adult: 225 },
  { key: 'mirtazapine', unit: 'mg', adult: 45 },
  { key: 'buspirone', unit: 'mg', adult: 60 },
  { key: 'alprazolam', unit: 'mg', adult: 4 },
  { key: 'lorazepam', unit: 'mg', adult: 6 },
  { key: 'estazolam', unit: 'mg', adult: 2 },
  { key: 'zolpidem', unit: 'mg', adult: 10, elderly: 5 },
  { key: 'olanzapine', unit: 'mg', adult: 20 },
  { key: 'quetiapine', unit: 'mg', adult: 800 },
  { key: 'donepezil', unit: 'mg', adult: 10 },
  { key: 'carbamazepine', unit: 'mg', adult: 1200 },
  { key: 'tramadol', unit: 'mg', adult: 400, elderly: 300 },
  { key: 'ibuprofen', unit: 'mg', adult: 2400, elderly: 1200, children: [{ belowAge: 12, max: 1200 }] },
  { key: 'diclofenac', unit: 'mg', adult: 150 },
  { key: 'celecoxib', unit: 'mg', adult: 400 },
  { key: 'paracetamol', unit: 'mg', adult: 4000, elderly: 3000, children: [{ belowAge: 6, max: 1000 }, { belowAge: 12, max: 2000 }] },
  { key: 'omeprazole', unit: 'mg', adult: 40 },
  { key: 'pantoprazole', unit: 'mg', adult: 80 },
  { key: 'rabeprazole', unit: 'mg', adult: 40 },
  { key: 'domperidone', unit: 'mg', adult: 30 },
  { key: 'diosmectite', unit: 'g', adult: 9, children: [{ belowAge: 1, max: 3 }, { belowAge: 2, max: 6 }] },
  { key: 'amoxicillin', unit: 'mg', adult: 4000, children: [{ belowAge: 12, max: 2000 }], routes: ['oral'] },
  { key: 'cefuroxime', unit: 'mg', adult: 1000, children: [{ belowAge: 12, max: 500 }], routes: ['oral'] },
  { key: 'cefixime', unit: 'mg', adult: 400 },
  { key: 'levofloxacin', unit: 'mg', adult: 750 },
  { key: 'moxifloxacin', unit: 'mg', adult: 400 },
  { key: 'azithromycin', unit: 'mg', adult: 500 },
  { key: 'clarithromycin', unit: 'mg', adult: 1000 },
  { key: 'sulfamethoxazole', unit: 'mg', adult: 1600 },
  { key: 'metronidazole', unit: 'mg', adult: 2000 },
  { key: 'fluconazole', unit: 'mg', adult: 400 },
  { key: 'oseltamivir', unit: 'mg', adult: 150, children: [{ belowAge: 1, max: 60 }] },
  { key: 'montelukast', unit: 'mg', adult: 10, children: [{ belowAge: 6, max: 4 }, { belowAge: 15, max: 5 }] },
  { key: 'loratadine', unit: 'mg', adult: 10, children: [{ belowAge: 2, max: 0 }, { belowAge: 12, max: 10 }] },
  { key: 'cetirizine', unit: 'mg', adult: 10, children: [{ belowAge: 2, max: 0 }, { belowAge: 6, max: 5 }] },
  { key: 'ambroxol', unit: 'mg', adult: 120, children: [{ belowAge: 6, max: 22.5 }, { belowAge: 12, max: 45 }], routes: ['oral'] },
  { key: 'acetylcysteine', unit: 'mg', adult: 1200, children: [{ belowAge: 12, max: 300 }] },
  { key: 'aminophylline', unit: 'mg', adult: 1000, routes: ['oral'] },
  { key: 'salbutamol', unit: 'ug', adult: 1600, routes: ['inhalation'] },
  { key: 'tiotropium', unit: 'ug', adult: 18 },
  { key: 'potassium', unit: 'mg', adult: 6000, routes: ['oral'] },
  { key: 'tamsulosin', unit: 'mg', adult: 0.4 },
  { key: 'finasteride', unit: 'mg', adult: 5 },
];

const TO_MG: Record<string, number> = { g: 1000, mg: 1, ug: 0.001 };

/** Converts an amount between mass units (g, mg, ug); null when either unit is not a mass unit. */
export function convertMass(value: number, from: string, to: string): number | null {
  const f = TO_MG[from];
  const t = TO_MG[to];
  return f === undefined || t === undefined ? null : (value * f) / t;
}

export function doseLimitFor(key: string): DoseLimit | undefined {
  return DOSE_LIMITS.find((l) => l.key === key);
}
