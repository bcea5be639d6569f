import { z } from 'zod';
import type { WritableType } from '../fhir/resource-types';

/**
 * What the platform may write back (POST), checked before anything is stored: the resource type,
 * the elements FHIR R4 requires, and the elements this HIS needs to file the record (a Patient
 * subject). Everything else passes through as sent.
 */
const dateTime = z.string().regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/, 'must be a FHIR dateTime with a time zone');
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'must be a FHIR instant');
const Coding = z.looseObject({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const CodeableConcept = z
  .looseObject({ coding: z.array(Coding).optional(), text: z.string().optional() })
  .refine((c) => (c.coding?.length ?? 0) > 0 || (c.text ?? '') !== '', 'needs a coding or a text');
const Reference = z
  .looseObject({ reference: z.string().min(1).optional(), display: z.string().optional() })
  .refine((r) => r.reference !== undefined || r.display !== undefined, 'needs a reference or a display');
const PatientReference = z.looseObject({ reference: z.string().regex(/^Patient\/[A-Za-z0-9\-.]{1,64}$/, 'must be Patient/<id>'), display: z.string().optional() });
const Identifier = z.looseObject({ system: z.string().optional(), value: z.string().optional() });
const Meta = z.looseObject({ tag: z.array(Coding).optional() });

const base = { id: z.string().optional(), meta: Meta.optional(), identifier: z.array(Identifier).optional() };

function oneMedication(r: { medicationCodeableConcept?: unknown; medicationReference?: unknown }): boolean {
  return (r.medicationCodeableConcept === undefined) !== (r.medicationReference === undefined);
}

export const ObservationWrite = z.looseObject({
  ...base,
  resourceType: z.literal('Observation'),
  status: z.enum(['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown']),
  code: CodeableConcept,
  category: z.array(CodeableConcept).optional(),
  subject: PatientReference,
  encounter: Reference.optional(),
  effectiveDateTime: dateTime.optional(),
  issued: instant.optional(),
  performer: z.array(Reference).optional(),
});

export const MedicationRequestWrite = z
  .looseObject({
    ...base,
    resourceType: z.literal('MedicationRequest'),
    status: z.enum(['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown']),
    intent: z.enum(['proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option']),
    medicationCodeableConcept: CodeableConcept.optional(),
    medicationReference: Reference.optional(),
    subject: PatientReference,
    encounter: Reference.optional(),
    authoredOn: dateTime.optional(),
    requester: Reference.optional(),
    dosageInstruction: z.array(z.looseObject({ text: z.string().optional() })).optional(),
  })
  .refine(oneMedication, { message: 'exactly one of medicationCodeableConcept or medicationReference is required', path: ['medication[x]'] });

export const MedicationDispenseWrite = z
  .looseObject({
    ...base,
    resourceType: z.literal('MedicationDispense'),
    status: z.enum(['preparation', 'in-progress', 'cancelled', 'on-hold', 'completed', 'entered-in-error', 'stopped', 'declined', 'unknown']),
    medicationCodeableConcept: CodeableConcept.optional(),
    medicationReference: Reference.optional(),
    subject: PatientReference,
    authorizingPrescription: z.array(Reference).optional(),
    quantity: z.looseObject({ value: z.number().optional(), unit: z.string().optional() }).optional(),
    whenPrepared: dateTime.optional(),
    whenHandedOver: dateTime.optional(),
  })
  .refine(oneMedication, { message: 'exactly one of medicationCodeableConcept or medicationReference is required', path: ['medication[x]'] });

const Attachment = z
  .looseObject({
    contentType: z.string().min(1),
    language: z.string().optional(),
    data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64').optional(),
    url: z.string().optional(),
    title: z.string().optional(),
    creation: dateTime.optional(),
  })
  .refine((a) => a.data !== undefined || a.url !== undefined, 'needs data or a url');

export const DocumentReferenceWrite = z.looseObject({
  ...base,
  resourceType: z.literal('DocumentReference'),
  status: z.enum(['current', 'superseded', 'entered-in-error']),
  docStatus: z.enum(['preliminary', 'final', 'amended', 'entered-in-error']).optional(),
  type: CodeableConcept,
  category: z.array(CodeableConcept).optional(),
  subject: PatientReference,
  date: instant.optional(),
  author: z.array(Reference).optional(),
  content: z.array(z.looseObject({ attachment: Attachment })).min(1),
});

/** A referral (双向转诊) the platform files: the order. */
export const ServiceRequestWrite = z.looseObject({
  ...base,
  resourceType: z.literal('ServiceRequest'),
  status: z.enum(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']),
  intent: z.enum(['proposal', 'plan', 'directive', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option']),
  priority: z.enum(['routine', 'urgent', 'asap', 'stat']).optional(),
  category: z.array(CodeableConcept).optional(),
  code: CodeableConcept.optional(),
  subject: PatientReference,
  authoredOn: dateTime.optional(),
  occurrenceDateTime: dateTime.optional(),
  requester: Reference.optional(),
  performer: z.array(Reference).optional(),
  reasonCode: z.array(CodeableConcept).optional(),
  /** Results sent with the referral (with their 互认 marks as extensions). */
  supportingInfo: z.array(Reference).optional(),
});

/** The referral's progress (requested, accepted = booked, completed …). */
export const TaskWrite = z.looseObject({
  ...base,
  resourceType: z.literal('Task'),
  status: z.enum(['draft', 'requested', 'received', 'accepted', 'rejected', 'ready', 'cancelled', 'in-progress', 'on-hold', 'failed', 'completed', 'entered-in-error']),
  intent: z.enum(['unknown', 'proposal', 'plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order', 'option']),
  businessStatus: CodeableConcept.optional(),
  basedOn: z.array(Reference).optional(),
  focus: Reference.optional(),
  for: PatientReference,
  authoredOn: dateTime.optional(),
  lastModified: dateTime.optional(),
  owner: Reference.optional(),
});

export const WRITE_SCHEMAS = {
  Observation: ObservationWrite,
  MedicationRequest: MedicationRequestWrite,
  MedicationDispense: MedicationDispenseWrite,
  DocumentReference: DocumentReferenceWrite,
  ServiceRequest: ServiceRequestWrite,
  Task: TaskWrite,
} satisfies Record<WritableType, z.ZodType>;
