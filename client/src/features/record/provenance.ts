import type { Coding, Reference } from './fhir-resources';

/** `meta.tag` of a result from another accredited institution that is accepted here (检查检验结果互认). */
export const MUTUAL_RECOGNITION = { system: 'urn:cloudclinic:mutual-recognition', code: 'recognized' } as const;

/** Where a result comes from: accepted under mutual recognition (互认), and the institution that produced it. */
export interface Provenance {
  recognised: boolean;
  institution: string | null;
}

export function isRecognised(meta: { tag: Coding[] } | undefined): boolean {
  return meta?.tag.some((t) => t.system === MUTUAL_RECOGNITION.system && t.code === MUTUAL_RECOGNITION.code) ?? false;
}

/** The performing institution: the first Organization performer's name, else any named performer. */
export function institutionOf(performers: readonly (Reference | undefined)[]): string | null {
  const named = performers.filter((p): p is Reference => Boolean(p?.display?.trim()));
  const org = named.find((p) => p.reference?.startsWith('Organization/')) ?? named[0];
  return org?.display?.trim() ?? null;
}

export function provenanceOf(resource: { meta?: { tag: Coding[] } | undefined }, performers: readonly (Reference | undefined)[]): Provenance {
  return { recognised: isRecognised(resource.meta), institution: institutionOf(performers) };
}
