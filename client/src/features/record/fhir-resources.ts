import { z } from 'zod';

/**
 * Tolerant zod views of the FHIR R4 resources the record panel reads. Only `resourceType` and `id`
 * are required: a malformed optional field becomes `undefined` (or an empty list, dropping only the bad
 * items) instead of discarding the whole resource, so one odd value from a county HIS never blanks the panel.
 */

/** An optional field that degrades to `undefined` when the value has the wrong shape. */
function opt<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** A list field: always an array, keeping the items that parse. */
function list<T extends z.ZodType>(item: T) {
  return z.unknown().optional().transform((value): z.output<T>[] => {
    if (!Array.isArray(value)) return [];
    return value.flatMap((element: unknown) => {
      const parsed = item.safeParse(element);
      return parsed.success ? [parsed.data] : [];
    });
  });
}

const Str = opt(z.string());
const Num = opt(z.number());

export const CodingSchema = z.object({ system: Str, code: Str, display: Str });
export type Coding = z.infer<typeof CodingSchema>;
export const ConceptSchema = z.object({ coding: list(CodingSchema), text: Str });
export type Concept = z.infer<typeof ConceptSchema>;
const Concept = opt(ConceptSchema);
const Ref = z.object({ reference: Str, display: Str });
export type Reference = z.infer<typeof Ref>;
const QuantitySchema = z.object({ value: Num, unit: Str, code: Str });
export type Quantity = z.infer<typeof QuantitySchema>;
const Quantity = opt(QuantitySchema);
const Period = opt(z.object({ start: Str, end: Str }));
const Identifier = z.object({ system: Str, value: Str, type: Concept });
const RangeSchema = z.object({ low: Quantity, high: Quantity, text: Str });
export type ReferenceRange = z.infer<typeof RangeSchema>;
const Meta = opt(z.object({ tag: list(CodingSchema) }));

const resource = <T extends string>(type: T) => ({ resourceType: z.literal(type), id: z.string().min(1), meta: Meta });

export const PatientSchema = z.object({
  ...resource('Patient'),
  name: list(z.object({ use: Str, text: Str, family: Str, given: list(z.string()) })),
  gender: Str,
  birthDate: Str,
  identifier: list(Identifier),
  managingOrganization: opt(Ref),
});
export type FhirPatient = z.infer<typeof PatientSchema>;

export const AllergySchema = z.object({
  ...resource('AllergyIntolerance'),
  clinicalStatus: Concept,
  verificationStatus: Concept,
  category: list(z.string()),
  criticality: Str,
  code: Concept,
  reaction: list(z.object({ manifestation: list(ConceptSchema), severity: Str, description: Str })),
});
export type FhirAllergy = z.infer<typeof AllergySchema>;

export const ConditionSchema = z.object({
  ...resource('Condition'),
  clinicalStatus: Concept,
  verificationStatus: Concept,
  category: list(ConceptSchema),
  code: Concept,
  onsetDateTime: Str,
  onsetPeriod: Period,
  onsetString: Str,
  abatementDateTime: Str,
  recordedDate: Str,
});
export type FhirCondition = z.infer<typeof ConditionSchema>;

const ComponentSchema = z.object({ code: Concept, valueQuantity: Quantity, interpretation: list(ConceptSchema) });
export const ObservationSchema = z.object({
  ...resource('Observation'),
  status: Str,
  category: list(ConceptSchema),
  code: Concept,
  effectiveDateTime: Str,
  effectivePeriod: Period,
  issued: Str,
  performer: list(Ref),
  valueQuantity: Quantity,
  valueString: Str,
  interpretation: list(ConceptSchema),
  referenceRange: list(RangeSchema),
  component: list(ComponentSchema),
});
export type FhirObservation = z.infer<typeof ObservationSchema>;

export const DiagnosticReportSchema = z.object({
  ...resource('DiagnosticReport'),
  status: Str,
  category: list(ConceptSchema),
  code: Concept,
  effectiveDateTime: Str,
  effectivePeriod: Period,
  issued: Str,
  performer: list(Ref),
  conclusion: Str,
  imagingStudy: list(Ref),
});
export type FhirDiagnosticReport = z.infer<typeof DiagnosticReportSchema>;

export const ImagingStudySchema = z.object({
  ...resource('ImagingStudy'),
  status: Str,
  started: Str,
  modality: list(CodingSchema),
  numberOfSeries: Num,
  numberOfInstances: Num,
  procedureCode: list(ConceptSchema),
  description: Str,
  location: opt(Ref),
});
export type FhirImagingStudy = z.infer<typeof ImagingStudySchema>;

export const MedicationStatementSchema = z.object({
  ...resource('MedicationStatement'),
  status: Str,
  medicationCodeableConcept: Concept,
  medicationReference: opt(Ref),
  effectiveDateTime: Str,
  effectivePeriod: Period,
  informationSource: opt(Ref),
  dosage: list(z.object({ text: Str })),
});
export type FhirMedicationStatement = z.infer<typeof MedicationStatementSchema>;

export const EncounterSchema = z.object({
  ...resource('Encounter'),
  status: Str,
  class: opt(CodingSchema),
  type: list(ConceptSchema),
  serviceType: Concept,
  period: Period,
  participant: list(z.object({ individual: opt(Ref) })),
  reasonCode: list(ConceptSchema),
  serviceProvider: opt(Ref),
});
export type FhirEncounter = z.infer<typeof EncounterSchema>;

export const DocumentReferenceSchema = z.object({
  ...resource('DocumentReference'),
  status: Str,
  type: Concept,
  date: Str,
  description: Str,
  author: list(Ref),
  custodian: opt(Ref),
  content: list(z.object({ attachment: opt(z.object({ contentType: Str, data: Str, url: Str, title: Str })) })),
});
export type FhirDocumentReference = z.infer<typeof DocumentReferenceSchema>;

/** The coding of `system` in a concept, if any. */
export function codingOf(concept: Concept | undefined, system: string): Coding | undefined {
  return concept?.coding.find((c) => c.system === system);
}

/** Human text of a concept: its `text`, else the first coding's display, else its code. */
export function conceptText(concept: Concept | undefined): string | null {
  if (!concept) return null;
  if (concept.text?.trim()) return concept.text.trim();
  const coding = concept.coding.find((c) => c.display?.trim()) ?? concept.coding.find((c) => c.code);
  return coding?.display?.trim() || coding?.code || null;
}

/** The first code of a concept (any system). */
export function firstCode(concept: Concept | undefined): string | undefined {
  return concept?.coding.find((c) => c.code)?.code;
}
