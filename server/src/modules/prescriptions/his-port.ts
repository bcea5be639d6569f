import { z } from 'zod';
import { ATC_SYSTEM, FORMULARY_EXT, FORMULARY_SYSTEM } from '../../integrations/his/formulary-item';

/**
 * What prescribing needs from the county HIS (FHIR R4). The platform's HIS client
 * (`integrations/his`, FhirHisClient) provides these calls; results are outside data and are parsed
 * with zod here (fhir-formulary.ts, patient-record.ts) before anything trusts them.
 */
export interface PrescriptionHis {
  /** Every Medication of the county formulary (a searchset Bundle or an array of resources). */
  searchMedications(): Promise<unknown>;
  /** One Medication, with its current stock. */
  getMedication(id: string): Promise<unknown>;
  /** The patient's record: a Bundle with Patient, AllergyIntolerance, MedicationStatement, Condition … */
  patientRecord(hisPatientId: string): Promise<unknown>;
  /** FHIR conditional create (`If-None-Exist`), so a retried write never creates a second resource. */
  create(resource: { resourceType: string } & Record<string, unknown>, opts: { ifNoneExist: string }): Promise<unknown>;
  /** The Patient resource (identifiers: 病历号). */
  getPatient(hisPatientId: string): Promise<unknown>;
  /** The patient's Coverage resources (费别): a Bundle or an array. */
  searchCoverage(hisPatientId: string): Promise<unknown>;
  /** MedicationRequests matching a search (`identifier=system|value`): a Bundle or an array of resources. */
  searchRequests(query: Record<string, string>): Promise<unknown>;
  /** FHIR update (PUT) conditional on the version read (`If-Match`): a stale one is refused (412). */
  update(resource: { resourceType: string; id: string } & Record<string, unknown>, opts: { ifMatch: string }): Promise<unknown>;
}

/** Extension URLs of the county formulary: one definition, in the HIS integration. */
export const HIS_EXT = {
  ...FORMULARY_EXT,
  /** Special control class (valueCoding): `toxic` 医疗用毒性药品, `radioactive` 放射性药品. */
  controlClass: 'urn:cloudclinic:control-class',
  /** valueBoolean false: the formulary does not allow the product on internet prescriptions. */
  internetPrescribing: 'urn:cloudclinic:internet-prescribing',
  /** Package price: sub-extensions `price` (valueMoney, CNY) and `source` (valueString). */
  packagePrice: 'urn:cloudclinic:package-price',
} as const;

export const HIS_SYSTEM = {
  formulary: FORMULARY_SYSTEM,
  atc: ATC_SYSTEM,
  allergen: 'urn:cloudclinic:allergen',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  /** Identifiers the platform gives its own resources written to the HIS. */
  prescription: 'urn:cloudclinic:prescription',
  prescriptionItem: 'urn:cloudclinic:prescription-item',
  dispense: 'urn:cloudclinic:dispense',
} as const;

const BundleSchema = z.object({ entry: z.array(z.object({ resource: z.unknown() })).default([]) });

/** Entries of a Bundle (or the array itself): outside data, still unparsed. */
export function resourcesOf(bundleOrList: unknown): unknown[] {
  if (Array.isArray(bundleOrList)) return bundleOrList;
  const bundle = BundleSchema.safeParse(bundleOrList);
  return bundle.success ? bundle.data.entry.map((e) => e.resource).filter((r) => r !== undefined) : [];
}
