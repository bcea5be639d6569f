import type { Resource } from '@medplum/fhirtypes';
import { buildAllergies, buildChronicConditions, buildEncounterDiagnosis } from './build-problems';
import { buildEncounter } from './build-encounter';
import { buildExams } from './build-exams';
import { createLabBuilder } from './build-labs';
import { buildMedicationStatements, buildVisitPrescriptions } from './build-medications';
import { buildNote } from './build-notes';
import { buildPatient } from './build-patient';
import { buildCoverage } from './coverage';
import { buildVitals, vitalsBaseline } from './build-vitals';
import { createPatientContext } from './context';
import { demoProfiles } from './demo-profiles';
import { buildFormulary } from './formulary/formulary';
import { generateProfiles } from './generate-profiles';
import { buildOrganizations } from './organizations';
import { createRng } from './prng';
import type { PatientProfile } from './profile';
import { parseLocalDate } from './time';
import { planVisits } from './visits';

export interface DatasetOptions {
  /** PRNG seed: the same seed gives the same hospital. */
  seed?: number | string;
  /** The "today" of the dataset (YYYY-MM-DD, China time); histories end shortly before it. */
  asOf?: string;
  /** Total patients, the five demo patients included (at least 60 by default). */
  patientCount?: number;
}

export const DEFAULT_SEED = 'zhoushan-islands';
export const DEFAULT_AS_OF = '2026-11-01';
export const DEFAULT_PATIENT_COUNT = 72;

function buildPatientRecord(profile: PatientProfile, seed: number | string, asOfMs: number, sink: Resource[]): void {
  const rng = createRng(`${seed}:${profile.id}`);
  const ctx = createPatientContext(profile, rng, asOfMs, sink);
  ctx.emit(buildPatient(ctx));
  buildCoverage(profile.id, '2026-01-01').forEach(ctx.emit);
  buildChronicConditions(ctx).forEach(ctx.emit);
  buildAllergies(ctx).forEach(ctx.emit);

  const visits = planVisits(ctx);
  const baseline = vitalsBaseline(ctx);
  const labs = createLabBuilder(ctx);
  const first = visits[0]?.startMs ?? asOfMs;
  const last = visits.at(-1)?.startMs ?? asOfMs;
  const span = Math.max(1, last - first);
  const lastFollowUp = [...visits].reverse().find((v) => v.kind === 'outpatient' && v.reviewed.length > 0);
  visits.forEach((visit, i) => {
    const progress = (visit.startMs - first) / span;
    ctx.emit(buildEncounter(ctx, visit, i + 1));
    if (visit.acute) ctx.emit(buildEncounterDiagnosis(ctx, visit.acute, visit.encounterId, visit.startMs, visit.endMs + 14 * 24 * 3600 * 1000));
    buildVitals(ctx, visit, baseline, progress, i === 0).forEach(ctx.emit);
    labs(visit, progress).forEach(ctx.emit);
    buildExams(ctx, visit).forEach(ctx.emit);
    buildVisitPrescriptions(ctx, visit, visit === lastFollowUp).forEach(ctx.emit);
    ctx.emit(buildNote(ctx, visit));
  });
  buildMedicationStatements(ctx, last).forEach(ctx.emit);
}

/** The whole county HIS: organizations, the formulary, and every patient's record. Deterministic. */
export function buildDataset(options: DatasetOptions = {}): Resource[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const count = Math.max(5, options.patientCount ?? DEFAULT_PATIENT_COUNT);
  const asOfMs = parseLocalDate(asOf);
  const demo = demoProfiles();
  const profiles = [...demo, ...generateProfiles(createRng(`${seed}:profiles`), { count: count - demo.length, firstNumber: demo.length + 1, asOf })];
  const resources: Resource[] = [...buildOrganizations(), ...buildFormulary(seed)];
  for (const profile of profiles) buildPatientRecord(profile, seed, asOfMs, resources);
  return resources;
}
