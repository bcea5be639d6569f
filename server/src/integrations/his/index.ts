/** The county HIS over FHIR R4: a plain client of an outside system (no users, no consultations). */
export type { HisClient, PatientRecord, RecordPartFailure, RecordPartName, MedicationQuery, CreateOptions, CreateResult, CallOptions, UpdateOptions } from './his-client';
export { FhirHisClient, HisAmbiguousMatchError, type FhirHisClientOptions } from './fhir-his-client';
export { HisError, HisNotFoundError, HisRejectedError, HisUnavailableError, type UnavailableReason } from './his-errors';
export type { FhirResource, CollectionBundle } from './fhir-schemas';
export { RECORD_PARTS } from './patient-record';
export { TtlCache, type TtlCacheOptions } from './cache';
export { CircuitBreaker, CircuitOpenError, type CircuitState } from './circuit-breaker';
export { retry, backoffDelay, type RetryOptions } from './retry';
export { formularyItem, FORMULARY_EXT, FORMULARY_SYSTEM, type FormularyItem } from './formulary-item';
