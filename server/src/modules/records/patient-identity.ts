import { AppError } from '../../lib/errors';
import { HisAmbiguousMatchError, HisNotFoundError, HisUnavailableError, type FhirResource, type HisClient } from '../../integrations/his';
import { RESIDENT_ID_SYSTEM } from './minimise';

/** The patient as the county HIS knows them: what booking stores and what the policy compares. */
export interface HisPatient {
  hisPatientId: string;
  sex: 'male' | 'female' | 'other' | 'unknown' | null;
  birthDate: string | null;
  /** The managing hospital's HIS number (病历号). */
  hisNumber: string | null;
  /** Code of the managing organization (`Organization/<code>`), matched against Institution.code. */
  managingOrganization: string | null;
}

export interface PatientLookup {
  hisPatientId?: string | undefined;
  residentId?: string | undefined;
  birthDate?: string | undefined;
  name: string;
}

const HIS_NUMBER_SYSTEM_PREFIX = 'urn:cloudclinic:his:';
const compact = (s: string) => s.replace(/[\s·•.]/g, '');

interface PatientShape {
  id: string;
  name?: { text?: string; family?: string; given?: string[] }[];
  gender?: string;
  birthDate?: string;
  identifier?: { system?: string; value?: string }[];
  managingOrganization?: { reference?: string };
}

const shape = (r: FhirResource) => r as PatientShape;

/** Every spelling of the name the HIS holds (text, family + given). */
export function hisNames(p: FhirResource): string[] {
  return (shape(p).name ?? []).flatMap((n) => [n.text ?? '', `${n.family ?? ''}${(n.given ?? []).join('')}`]).map(compact).filter(Boolean);
}

export function toHisPatient(p: FhirResource): HisPatient {
  const s = shape(p);
  const sex = s.gender === 'male' || s.gender === 'female' || s.gender === 'other' || s.gender === 'unknown' ? s.gender : null;
  const ref = s.managingOrganization?.reference ?? '';
  return {
    hisPatientId: s.id,
    sex,
    birthDate: s.birthDate ?? null,
    hisNumber: s.identifier?.find((i) => i.system?.startsWith(HIS_NUMBER_SYSTEM_PREFIX))?.value ?? null,
    managingOrganization: ref.startsWith('Organization/') ? ref.slice('Organization/'.length) : null,
  };
}

/**
 * One patient identity, checked against the county HIS. A plain lookup: who may book or open a
 * consultation is decided by the callers; messages never echo the HIS's name or ID number back.
 */
export class PatientIdentity {
  constructor(private readonly his: HisClient | null) {}

  /** False when no county HIS is configured: identities cannot be verified (and no record can be read). */
  get verifiable(): boolean {
    return this.his !== null;
  }

  /** Resolve a booking's patient: by HIS id, resident ID, or name + date of birth; the name must match. */
  async resolve(by: PatientLookup): Promise<HisPatient | null> {
    const his = this.his;
    if (!his) return null;
    const patient = await this.call(async () => {
      if (by.hisPatientId) return his.getPatient(by.hisPatientId);
      if (by.residentId) return his.findPatientByIdentifier(RESIDENT_ID_SYSTEM, by.residentId);
      const matches = await his.searchPatients({ name: compact(by.name), birthDate: by.birthDate ?? '', limit: 10 });
      const exact = matches.filter((m) => hisNames(m).includes(compact(by.name)));
      if (exact.length > 1) {
        throw new AppError('patient_identity_mismatch', 'Several HIS patients have this name and date of birth; book by HIS number or resident ID', {
          candidates: exact.map((m) => ({ hisPatientId: m.id, ...pick(toHisPatient(m)) })),
        });
      }
      return exact[0] ?? null;
    });
    if (!patient) throw new AppError('patient_not_in_his', 'No such patient in the county HIS');
    if (!hisNames(patient).includes(compact(by.name))) {
      throw new AppError('patient_identity_mismatch', 'The name does not match the HIS record of this patient; check the name or the patient number');
    }
    const s = shape(patient);
    if (by.residentId && !s.identifier?.some((i) => i.system === RESIDENT_ID_SYSTEM && i.value?.toUpperCase() === by.residentId?.toUpperCase())) {
      throw new AppError('patient_identity_mismatch', 'The resident ID does not match the HIS record of this patient');
    }
    if (by.birthDate && s.birthDate !== by.birthDate) {
      throw new AppError('patient_identity_mismatch', 'The date of birth does not match the HIS record of this patient');
    }
    return toHisPatient(patient);
  }

  /** The patient by HIS id (null without a HIS); unknown → patient_not_in_his. */
  async byId(hisPatientId: string): Promise<HisPatient | null> {
    const his = this.his;
    if (!his) return null;
    return toHisPatient(await this.call(() => his.getPatient(hisPatientId)).then((p) => p ?? Promise.reject(new AppError('patient_not_in_his', 'No such patient in the county HIS'))));
  }

  private async call<T>(fn: () => Promise<T>): Promise<T | null> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof HisNotFoundError) return null;
      if (err instanceof HisAmbiguousMatchError) throw new AppError('patient_identity_mismatch', 'Several HIS patients carry this identifier; book by HIS number');
      if (err instanceof HisUnavailableError) throw new AppError('upstream_unavailable', 'The county HIS is unreachable; the patient cannot be checked now', { reason: err.reason });
      throw err;
    }
  }
}

function pick(p: HisPatient) {
  return { sex: p.sex, birthDate: p.birthDate, hisNumber: p.hisNumber };
}
