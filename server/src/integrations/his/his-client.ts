import type { CollectionBundle, FhirResource } from './fhir-schemas';

/** The parts of a patient's record that `patientRecord` loads, each with one search. */
export type RecordPartName =
  | 'conditions'
  | 'allergies'
  | 'observations'
  | 'diagnosticReports'
  | 'imagingStudies'
  | 'medicationStatements'
  | 'medicationRequests'
  | 'encounters'
  | 'documents';

export interface RecordPartFailure {
  part: RecordPartName;
  resourceType: string;
  /** `unavailable` (down, timeout, circuit open, garbage) or `rejected` (the HIS refused the search). */
  reason: 'unavailable' | 'rejected';
  message: string;
}

export interface PatientRecord {
  /** Patient first, then every part that loaded. */
  bundle: CollectionBundle;
  /** Parts that could not be loaded: the UI shows the rest and says what is missing. */
  failed: RecordPartFailure[];
}

export interface MedicationQuery {
  /** Substring of the Chinese or English name. */
  name?: string;
  /** Prefix of the pinyin initials (氨氯地平 → aldp). */
  pinyin?: string;
  /** Formulary code, or `system|code` (e.g. an ATC code). */
  code?: string;
  /** Drug class, e.g. `penicillin` (for allergy checks). */
  drugClass?: string;
  /** At most this many results (default 50). */
  limit?: number;
}

export interface CreateOptions {
  /**
   * Conditional create: search criteria (`identifier=system|value`, or as an object) that find the
   * resource if an earlier attempt already created it. Makes the create idempotent, so it is retried.
   */
  ifNoneExist?: string | Record<string, string>;
  signal?: AbortSignal;
}

export interface CreateResult {
  resource: FhirResource;
  /** false when If-None-Exist found the resource an earlier attempt created. */
  created: boolean;
  location?: string;
}

export interface UpdateOptions {
  /** The version the change was based on (`meta.versionId`): the HIS answers 412 when another write came first. */
  ifMatch?: string;
  signal?: AbortSignal;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * What the platform needs from a county HIS. Knows nothing of users or consultations: the module
 * that calls it checks who may see which patient and writes the audit record.
 */
export interface HisClient {
  getPatient(id: string, opts?: CallOptions): Promise<FhirResource>;
  /** The record beside the video: loaded part by part in parallel; failed parts are listed, not fatal. */
  patientRecord(patientId: string, opts?: CallOptions): Promise<PatientRecord>;
  /** The patient with this identifier (resident ID, HIS number), or null. */
  findPatientByIdentifier(system: string, value: string, opts?: CallOptions): Promise<FhirResource | null>;
  /** Patients by name (prefix) and date of birth, for a pick list; at most `limit` (default 10). */
  searchPatients(query: { name: string; birthDate: string; limit?: number }, opts?: CallOptions): Promise<FhirResource[]>;
  /** Formulary lookup: a string searches names (and pinyin initials when it is Latin letters). */
  searchMedications(query: string | MedicationQuery, opts?: CallOptions): Promise<FhirResource[]>;
  getMedication(id: string, opts?: CallOptions): Promise<FhirResource>;
  /** A search of any type the HIS serves (e.g. what we wrote, by our identifier). */
  search(resourceType: string, params: Record<string, string>, opts?: CallOptions & { limit?: number }): Promise<FhirResource[]>;
  /** Write back (note, prescription, dispense, observation). */
  create<T extends { resourceType: string }>(resource: T, opts?: CreateOptions): Promise<CreateResult>;
  /** Replace an existing resource (PUT), e.g. a MedicationRequest becoming completed. */
  update<T extends { resourceType: string; id: string }>(resource: T, opts?: UpdateOptions): Promise<FhirResource>;
}
