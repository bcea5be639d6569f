import type { Patient, Reference, Resource } from '@medplum/fhirtypes';
import type { Rng } from './prng';
import type { PatientProfile } from './profile';

/** What every builder of one patient's record shares. */
export interface PatientContext {
  profile: PatientProfile;
  rng: Rng;
  asOfMs: number;
  patientRef: Reference<Patient>;
  /** A new id for a resource of this patient: `obs-0001-0042`. */
  nextId(kind: string): string;
  emit(resource: Resource): void;
}

export function createPatientContext(profile: PatientProfile, rng: Rng, asOfMs: number, sink: Resource[]): PatientContext {
  const counters = new Map<string, number>();
  const num = profile.id.replace(/^p-/, '');
  return {
    profile,
    rng,
    asOfMs,
    patientRef: { reference: `Patient/${profile.id}`, display: `${profile.family}${profile.given}` },
    nextId(kind) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${kind}-${num}-${String(n).padStart(4, '0')}`;
    },
    emit(resource) {
      sink.push(resource);
    },
  };
}
