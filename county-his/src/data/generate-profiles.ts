import type { AllergenKey } from './allergies';
import { CONDITIONS, type ConditionKey } from './conditions';
import { GIVEN_NAMES, SURNAMES, TOWNS, VILLAGE_NAMES, VILLAGE_SUFFIXES, generationOf } from './names';
import type { InstitutionCode } from './organizations';
import type { Rng } from './prng';
import type { PatientProfile } from './profile';
import { makeResidentId } from './resident-id';
import { DAY_MS, formatDate, parseLocalDate } from './time';

type AgeBand = 'child' | 'teen' | 'young' | 'middle' | 'senior' | 'elderly';

/** How many generated patients fall into each age band (before scaling to the requested count). */
const BAND_WEIGHTS: readonly [AgeBand, number, number, number][] = [
  // band, share, min age, max age
  ['child', 4, 2, 11],
  ['teen', 2, 12, 17],
  ['young', 8, 18, 39],
  ['middle', 16, 40, 59],
  ['senior', 25, 60, 79],
  ['elderly', 12, 80, 96],
];

/** Probability of each chronic condition by age band (and sex where it matters). */
function conditionOdds(band: AgeBand, sex: 'male' | 'female'): [ConditionKey, number][] {
  const male = sex === 'male';
  switch (band) {
    case 'child':
      return [['asthma', 0.5]];
    case 'teen':
      return [['asthma', 0.3], ['anxiety', 0.15]];
    case 'young':
      return [['depression', 0.2], ['anxiety', 0.2], ['hypertension', 0.1], ['hypothyroidism', male ? 0.02 : 0.15], ['asthma', 0.08]];
    case 'middle':
      return [['hypertension', 0.5], ['diabetes', 0.3], ['depression', 0.12], ['anxiety', 0.12], ['gout', male ? 0.15 : 0.02], ['hypothyroidism', male ? 0.02 : 0.1], ['gastricCancer', 0.05], ['copd', male ? 0.1 : 0.03]];
    case 'senior':
      return [['hypertension', 0.65], ['diabetes', 0.35], ['chd', 0.3], ['copd', male ? 0.35 : 0.12], ['stroke', 0.12], ['atrialFibrillation', 0.1], ['lungCancer', male ? 0.08 : 0.04], ['gastricCancer', 0.06], ['gout', male ? 0.1 : 0.03], ['depression', 0.08]];
    case 'elderly':
      return [['hypertension', 0.75], ['chd', 0.45], ['heartFailure', 0.25], ['atrialFibrillation', 0.2], ['copd', male ? 0.35 : 0.15], ['stroke', 0.2], ['diabetes', 0.3], ['depression', 0.1]];
  }
}

const ALLERGY_ODDS: readonly [AllergenKey, number][] = [
  ['penicillin', 0.1], ['sulfonamide', 0.05], ['iodineContrast', 0.04], ['aspirin', 0.04], ['seafood', 0.08], ['cephalosporin', 0.03], ['pollen', 0.06],
];

/** Drug classes a given allergy rules out when choosing current medications. */
const AVOID_BY_ALLERGY: Partial<Record<AllergenKey, readonly string[]>> = {
  aspirin: ['aspirin-100mg-ec-tab'],
  sulfonamide: ['glimepiride-2mg-tab'],
};

function bandsFor(count: number, rng: Rng): AgeBand[] {
  const total = BAND_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const bands: AgeBand[] = [];
  for (const [band, weight] of BAND_WEIGHTS) {
    const n = Math.max(band === 'child' || band === 'elderly' ? 2 : 1, Math.round((weight / total) * count));
    for (let i = 0; i < n; i++) bands.push(band);
  }
  while (bands.length > count) bands.splice(bands.lastIndexOf('senior'), 1);
  while (bands.length < count) bands.push('senior');
  return rng.sample(bands, bands.length);
}

function randomBirthDate(rng: Rng, asOfMs: number, minAge: number, maxAge: number): string {
  const ageDays = rng.int(minAge * 365 + 10, maxAge * 365 + 360);
  return formatDate(asOfMs - ageDays * DAY_MS);
}

export function generateProfiles(rng: Rng, options: { count: number; firstNumber: number; asOf: string }): PatientProfile[] {
  const asOfMs = parseLocalDate(options.asOf);
  const bands = bandsFor(options.count, rng);
  return bands.map((band, index) => {
    const r = rng.fork(`patient-${index}`);
    const num = options.firstNumber + index;
    const institution: InstitutionCode = index % 3 === 2 ? 'dsfph' : 'sscph';
    const sex = r.chance(0.5) ? 'male' : 'female';
    const [, , minAge, maxAge] = BAND_WEIGHTS.find(([b]) => b === band) ?? ['senior', 0, 60, 79];
    const birthDate = randomBirthDate(r, asOfMs, minAge, maxAge);
    const birthMs = parseLocalDate(birthDate);
    const family = r.pick(SURNAMES);
    const given = r.pick(GIVEN_NAMES[sex][generationOf(Number(birthDate.slice(0, 4)))]);
    const towns = TOWNS[institution];
    // Most islanders are registered in their own county; some moved from Dinghai or Putuo.
    const region = r.chance(0.85) ? towns.region : r.pick(['330902', '330903']);

    const conditions = conditionOdds(band, sex)
      .filter(([, p]) => r.chance(p))
      .map(([key]) => {
        const earliest = Math.max(birthMs + (band === 'child' ? 3 : 18) * 365 * DAY_MS, asOfMs - 15 * 365 * DAY_MS);
        const latest = asOfMs - 200 * DAY_MS;
        return { key, onset: formatDate(earliest >= latest ? latest : r.int(earliest, latest)) };
      });
    const allergies = ALLERGY_ODDS.filter(([key, p]) => r.chance(key === 'pollen' && (band === 'child' || band === 'teen') ? p * 3 : p)).map(([key]) => ({
      key,
      recorded: formatDate(r.int(Math.max(birthMs + 365 * DAY_MS, asOfMs - 20 * 365 * DAY_MS), asOfMs - 100 * DAY_MS)),
    }));
    const avoid = new Set(allergies.flatMap((a) => AVOID_BY_ALLERGY[a.key] ?? []));
    const medications = [...new Set(conditions.flatMap((c) =>
      CONDITIONS[c.key].medicationGroups
        .map((group) => group.filter((id) => !avoid.has(id)))
        .filter((group) => group.length > 0)
        .map((group) => r.pick(group)),
    ))];

    return {
      id: `p-${String(num).padStart(4, '0')}`,
      family,
      given,
      sex,
      birthDate,
      residentId: makeResidentId(region, birthDate, r.int(1, 999), sex),
      hisNumber: `${institution === 'sscph' ? 'SS' : 'DS'}${institution === 'sscph' ? 1000000 + num : 2000000 + num}`,
      institution,
      town: r.pick(towns.towns),
      village: `${r.pick(VILLAGE_NAMES)}${r.pick(VILLAGE_SUFFIXES)}`,
      phone: `1${r.pick(['35', '38', '39', '58', '59', '88'])}${String(r.int(0, 99999999)).padStart(8, '0')}`,
      conditions,
      allergies,
      medications,
      pastMedications: [],
    };
  });
}
