import { z } from 'zod';
import { DiagnosisSchema, Icd10CodeSchema } from '../icd10/index';
import { ReasonTextSchema } from './reason';

/**
 * Online prescriptions (线上开方): the prescription pad, server-side safety findings, signature (JWS),
 * pharmacist review (审方) and dispensing. Shared by server and client; quantities are computed with
 * the same function on both sides (the server's result is the one that counts).
 */

export const PRESCRIPTION_STATUSES = ['draft', 'signed', 'under_review', 'approved', 'rejected', 'dispensed', 'expired'] as const;
export const PrescriptionStatusSchema = z.enum(PRESCRIPTION_STATUSES);
export type PrescriptionStatus = z.infer<typeof PrescriptionStatusSchema>;

/** Dosing frequencies (Latin abbreviations as written on Chinese prescriptions). */
export const FREQUENCIES = {
  qd: { dosesPerDay: 1, zh: '每日一次', en: 'once daily' },
  bid: { dosesPerDay: 2, zh: '每日两次', en: 'twice daily' },
  tid: { dosesPerDay: 3, zh: '每日三次', en: 'three times daily' },
  qid: { dosesPerDay: 4, zh: '每日四次', en: 'four times daily' },
  qn: { dosesPerDay: 1, zh: '每晚一次', en: 'every night' },
  q6h: { dosesPerDay: 4, zh: '每6小时一次', en: 'every 6 hours' },
  q8h: { dosesPerDay: 3, zh: '每8小时一次', en: 'every 8 hours' },
  q12h: { dosesPerDay: 2, zh: '每12小时一次', en: 'every 12 hours' },
  qod: { dosesPerDay: 0.5, zh: '隔日一次', en: 'every other day' },
  qw: { dosesPerDay: 1 / 7, zh: '每周一次', en: 'once weekly' },
  /** As needed: counted as at most 3 doses a day for quantity and maximum-dose checks. */
  prn: { dosesPerDay: 3, zh: '必要时（每日最多3次）', en: 'as needed (max 3 a day)' },
  /** Immediately, once: one dose in total whatever the number of days. */
  st: { dosesPerDay: 1, zh: '立即（一次）', en: 'immediately, once' },
} as const;
export type Frequency = keyof typeof FREQUENCIES;
export const FrequencySchema = z.enum(Object.keys(FREQUENCIES) as [Frequency, ...Frequency[]]);

export const DRUG_ROUTES = {
  oral: { zh: '口服', en: 'oral' },
  sublingual: { zh: '舌下含服', en: 'sublingual' },
  inhalation: { zh: '吸入', en: 'inhalation' },
  iv: { zh: '静脉注射', en: 'intravenous' },
  im: { zh: '肌内注射', en: 'intramuscular' },
  sc: { zh: '皮下注射', en: 'subcutaneous' },
  transdermal: { zh: '经皮', en: 'transdermal' },
} as const;
export type RouteCode = keyof typeof DRUG_ROUTES;
export const RouteCodeSchema = z.enum(Object.keys(DRUG_ROUTES) as [RouteCode, ...RouteCode[]]);

export const ANTIBIOTIC_GRADES = ['unrestricted', 'restricted', 'special'] as const;
export const AntibioticGradeSchema = z.enum(ANTIBIOTIC_GRADES);
export type AntibioticGrade = z.infer<typeof AntibioticGradeSchema>;

/** FHIR Medication ids of the county formulary. */
export const MedicationIdSchema = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, 'invalid medication id');

/** One entry of the county pharmacy catalogue, as the pad and the pharmacist see it. */
export const MedicationSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  generic: z.object({ zh: z.string(), en: z.string() }),
  pinyin: z.string(),
  /** Strength of the (first) active ingredient per dose unit, e.g. 5 mg per 片. */
  strength: z.object({ value: z.number(), unit: z.string() }),
  /** True when the product has one active ingredient, so a dose may be written in its strength unit (mg). */
  singleIngredient: z.boolean(),
  form: z.object({ code: z.string(), zh: z.string() }),
  /** What one dose unit is called: 片, 粒, 支, 揿 … */
  doseUnit: z.string(),
  route: RouteCodeSchema,
  packageSize: z.number(),
  packageUnit: z.string(),
  stock: z.number().int(),
  drugClass: z.string(),
  flags: z.object({
    narcotic: z.boolean(),
    psychotropic: z.enum(['I', 'II']).nullable(),
    antibioticGrade: AntibioticGradeSchema.nullable(),
    highAlert: z.boolean(),
    /** 医疗用毒性药品 / 放射性药品: special control classes, never prescribed online. */
    control: z.enum(['toxic', 'radioactive']).nullable(),
    /** False when the formulary marks the product as not for internet prescribing. */
    internetPrescribing: z.boolean(),
  }),
});
export type MedicationSummary = z.infer<typeof MedicationSummarySchema>;
export const FormularySearchResponseSchema = z.object({ medications: z.array(MedicationSummarySchema) });
export const FormularyQuerySchema = z.object({ q: z.string().trim().max(40).default('') });

export const DoseSchema = z.object({
  value: z.number().positive().max(100_000),
  unit: z.string().trim().min(1).max(16),
});
export type Dose = z.infer<typeof DoseSchema>;

export const PrescriptionItemInputSchema = z.object({
  medicationId: MedicationIdSchema,
  dose: DoseSchema,
  frequency: FrequencySchema,
  route: RouteCodeSchema,
  /** Days of supply; the safety rules decide what a course may be (7 days, 30, a 12-week 长处方). */
  days: z.number().int().min(1).max(90),
  instructions: z.string().trim().max(200).default(''),
});
export type PrescriptionItemInput = z.input<typeof PrescriptionItemInputSchema>;

/** Below this age a prescription needs the child's weight to be signed. */
export const CHILD_WEIGHT_AGE = 14;

export const PatientStatusSchema = z.object({
  pregnancy: z.enum(['unknown', 'pregnant', 'not_pregnant']).default('unknown'),
  lactating: z.boolean().default(false),
  /** Body weight (kg) as weighed today; required to sign a child's prescription. */
  weightKg: z.number().positive().max(300).nullable().default(null),
});
export type PatientStatus = z.infer<typeof PatientStatusSchema>;

/** Why a warning is overridden: a coded reason, always with free text that says something. */
export const OVERRIDE_REASONS = {
  benefit_outweighs_risk: { zh: '已评估，获益大于风险', en: 'assessed: benefit outweighs risk' },
  previously_tolerated: { zh: '既往使用耐受良好', en: 'previously tolerated' },
  monitoring_arranged: { zh: '已安排监测', en: 'monitoring arranged' },
  specialist_advice: { zh: '专科意见', en: 'specialist advice' },
  chronic_stable: { zh: '慢性病稳定期，需延长用量', en: 'stable chronic disease: longer supply' },
  no_alternative: { zh: '无可替代药物', en: 'no alternative available' },
} as const;
export type OverrideReasonCode = keyof typeof OVERRIDE_REASONS;
export const OverrideReasonCodeSchema = z.enum(Object.keys(OVERRIDE_REASONS) as [OverrideReasonCode, ...OverrideReasonCode[]]);

export const OverrideInputSchema = z.object({
  findingId: z.string().min(1).max(200),
  code: OverrideReasonCodeSchema,
  reason: ReasonTextSchema,
});
export type OverrideInput = z.infer<typeof OverrideInputSchema>;

/** 每张处方不超过5种药品. */
export const MAX_PRESCRIPTION_ITEMS = 5;

/** 临床诊断 per prescription: at most this many coded diagnoses. */
export const MAX_DIAGNOSES = 5;

export const PrescriptionDraftSchema = z.object({
  /** Free text of the 临床诊断 (e.g. a qualifier); the coded diagnoses below are what signing requires. */
  diagnosis: z.string().trim().max(200).default(''),
  /** ICD-10 codes from the bundled list; at least one to sign. */
  diagnoses: z.array(Icd10CodeSchema).max(MAX_DIAGNOSES).default([]),
  items: z.array(PrescriptionItemInputSchema).max(MAX_PRESCRIPTION_ITEMS).default([]),
  /** Days the prescription stays valid: 1 = the day it is signed, up to 3. */
  validityDays: z.number().int().min(1).max(3).default(1),
  patientStatus: PatientStatusSchema.default({ pregnancy: 'unknown', lactating: false, weightKg: null }),
  /** Override reasons for warnings, by finding id; kept with the prescription. */
  overrides: z.array(OverrideInputSchema).max(50).default([]),
});
export type PrescriptionDraftInput = z.input<typeof PrescriptionDraftSchema>;
export const CreatePrescriptionRequestSchema = PrescriptionDraftSchema;
export const SavePrescriptionRequestSchema = PrescriptionDraftSchema.extend({ baseRevision: z.number().int().min(0) });
export type SavePrescriptionRequest = z.input<typeof SavePrescriptionRequestSchema>;

export const SignPrescriptionRequestSchema = z.object({
  /** The signer's password: unlocks the private signing key for this one signature. */
  password: z.string().min(1).max(256),
  overrides: z.array(OverrideInputSchema).max(50).default([]),
});
export type SignPrescriptionRequest = z.input<typeof SignPrescriptionRequestSchema>;

export const RejectPrescriptionRequestSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export const ApprovePrescriptionRequestSchema = z.object({
  /** The pharmacist's password: unlocks the pharmacist's own signing key to sign the approval. */
  password: z.string().min(1).max(256),
  note: z.string().trim().max(500).default(''),
  /** Ids of the overridden warnings the pharmacist has read: every one must be acknowledged to approve. */
  acknowledged: z.array(z.string().min(1).max(200)).max(50).default([]),
});

export const DispenseRequestSchema = z.object({
  items: z
    .array(z.object({ itemId: z.string().min(1).max(64), quantity: z.number().int().min(0).max(1000), lot: z.string().trim().min(1).max(40) }))
    .min(1)
    .max(MAX_PRESCRIPTION_ITEMS),
  /**
   * 审核 and 调配/发药 are two pharmacists' work; the reviewer may dispense only by saying so here
   * (a one-pharmacist county pharmacy), and it is recorded.
   */
  sameAsReviewerAcknowledged: z.boolean().default(false),
});
export type DispenseRequest = z.input<typeof DispenseRequestSchema>;

export const FINDING_SEVERITIES = ['refused', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(FINDING_SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const SAFETY_RULES = [
  'controlled',
  'antibiotic',
  'allergy',
  'cross_allergy',
  'duplicate',
  'interaction',
  'max_dose',
  'pediatric',
  'geriatric',
  'pregnancy',
  'lactation',
  'stock',
  'high_alert',
  'duration',
  'continuation',
  'route',
  'active_duplicate',
] as const;
export const SafetyRuleSchema = z.enum(SAFETY_RULES);
export type SafetyRule = z.infer<typeof SafetyRuleSchema>;

export const FindingSchema = z.object({
  /** Stable across re-checks of the same situation, so an override reason stays attached to it. */
  id: z.string(),
  rule: SafetyRuleSchema,
  severity: SeveritySchema,
  /** Formulary ids of the prescribed items concerned. */
  medicationIds: z.array(z.string()),
  message: z.string(),
  messageEn: z.string(),
  override: z.object({ code: OverrideReasonCodeSchema, reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const PrescriptionItemViewSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  medicationId: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  strength: z.string(),
  dose: DoseSchema,
  frequency: FrequencySchema,
  route: RouteCodeSchema,
  days: z.number().int(),
  instructions: z.string(),
  /** Dose units per dose (tablets, capsules …) and packages to dispense, rounded up. */
  unitsPerDose: z.number(),
  doseUnit: z.string(),
  quantity: z.object({ value: z.number().int(), unit: z.string() }),
  dispensed: z.object({ quantity: z.number().int(), lot: z.string() }).nullable(),
});
export type PrescriptionItemView = z.infer<typeof PrescriptionItemViewSchema>;

const Person = z.object({ id: z.string(), name: z.string() });

export const PrescriptionViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  consultationId: z.string(),
  status: PrescriptionStatusSchema,
  revision: z.number().int(),
  /** The latest signed version (0 before the first signature). */
  version: z.number().int(),
  diagnosis: z.string(),
  diagnoses: z.array(DiagnosisSchema),
  validityDays: z.number().int(),
  patientStatus: PatientStatusSchema,
  items: z.array(PrescriptionItemViewSchema),
  findings: z.array(FindingSchema),
  checkedAt: z.string().nullable(),
  /** Why the last safety check could not run (e.g. the county HIS is unreachable); signing waits for a check. */
  checkError: z.string().nullable(),
  /** True when nothing refused and every warning has an override reason. */
  signable: z.boolean(),
  prescriber: Person.extend({ qualificationNo: z.string().nullable() }),
  patient: z.object({
    hisPatientId: z.string(),
    name: z.string(),
    sex: z.string(),
    birthDate: z.string().nullable(),
    institution: Person,
    /** The patient's recorded allergies (pharmacist's view). */
    allergies: z.array(z.string()),
  }),
  signedAt: z.string().nullable(),
  validUntil: z.string().nullable(),
  submittedAt: z.string().nullable(),
  review: z
    .object({ decision: z.enum(['approved', 'rejected']), by: Person, at: z.string(), reason: z.string(), acknowledged: z.array(z.string()) })
    .nullable(),
  dispensedAt: z.string().nullable(),
  dispensedBy: Person.nullable(),
  versions: z.array(z.object({ version: z.number().int(), signedAt: z.string(), kid: z.string(), payloadHash: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrescriptionView = z.infer<typeof PrescriptionViewSchema>;
export const PrescriptionListSchema = z.object({ prescriptions: z.array(PrescriptionViewSchema) });
export type PrescriptionList = z.infer<typeof PrescriptionListSchema>;

export const RegimenTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  diagnosis: z.string(),
  items: z.array(PrescriptionItemInputSchema.extend({ instructions: z.string() })),
});
export type RegimenTemplate = z.infer<typeof RegimenTemplateSchema>;
/** The templates, with the catalogue entries they name (units and quantities on the pad). */
export const RegimenTemplateListSchema = z.object({ templates: z.array(RegimenTemplateSchema), medications: z.array(MedicationSummarySchema) });

export const VerificationSchema = z.object({
  prescriptionId: z.string(),
  number: z.string(),
  version: z.number().int(),
  valid: z.boolean(),
  checks: z.object({
    /** The JWS verifies with the published key named by its `kid`, which belongs to the signer. */
    signature: z.boolean(),
    /** The signed payload is exactly the prescription as recorded now. */
    integrity: z.boolean(),
    /** The version links to the previous version's hash. */
    chain: z.boolean(),
    /** The pharmacist's signed approval verifies and covers this version; null before approval. */
    review: z.boolean().nullable(),
  }),
  reasons: z.array(z.string()),
  signer: z.object({ id: z.string(), name: z.string(), qualificationNo: z.string().nullable(), institution: z.string() }).nullable(),
  signedAt: z.string().nullable(),
  kid: z.string().nullable(),
  alg: z.literal('ES256'),
  payloadHash: z.string().nullable(),
});
export type Verification = z.infer<typeof VerificationSchema>;

/** The signed document: the JWS (compact) and its payload (RFC 8785 canonical JSON), as issued. */
export const SignedDocumentSchema = z.object({
  prescriptionId: z.string(),
  version: z.number().int(),
  jws: z.string(),
  /** Printed beside the QR: unlocks the drugs on the public verification page. */
  verificationCode: z.string(),
  canonical: z.string(),
  kid: z.string(),
  signedAt: z.string(),
});
export type SignedDocument = z.infer<typeof SignedDocumentSchema>;

/** What a signed version contains (the JWS payload). */
export const SignedPrescriptionPayloadSchema = z.object({
  type: z.literal('cloudclinic.prescription'),
  id: z.string(),
  number: z.string(),
  version: z.number().int(),
  previousHash: z.string().nullable(),
  issuedAt: z.string(),
  validUntil: z.string(),
  consultationId: z.string(),
  diagnosis: z.string(),
  diagnoses: z.array(z.object({ code: z.string(), zh: z.string() })),
  patient: z.object({ hisPatientId: z.string(), name: z.string(), sex: z.string(), birthDate: z.string().nullable(), institution: z.string() }),
  prescriber: z.object({ id: z.string(), name: z.string(), qualificationNo: z.string().nullable(), institution: z.string(), department: z.string().nullable() }),
  items: z.array(
    z.object({
      medicationId: z.string(),
      code: z.string(),
      name: z.string(),
      strength: z.string(),
      dose: DoseSchema,
      frequency: FrequencySchema,
      route: RouteCodeSchema,
      days: z.number().int(),
      quantity: z.object({ value: z.number().int(), unit: z.string() }),
      instructions: z.string(),
    }),
  ),
  findings: z.array(
    z.object({ id: z.string(), severity: SeveritySchema, message: z.string(), overrideCode: z.string().nullable(), overrideReason: z.string().nullable() }),
  ),
});
export type SignedPrescriptionPayload = z.infer<typeof SignedPrescriptionPayloadSchema>;

export const PublicJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
  kid: z.string(),
  alg: z.literal('ES256'),
  use: z.literal('sig'),
});
export const JwksSchema = z.object({ keys: z.array(PublicJwkSchema) });

export interface QuantityDrug {
  strength: { value: number; unit: string };
  singleIngredient: boolean;
  doseUnit: string;
  packageSize: number;
}

export type QuantityResult =
  | { ok: true; unitsPerDose: number; doses: number; totalUnits: number; packages: number }
  | { ok: false; reason: 'unit' };

/** Number of doses over the course: `st` is one dose; qod/qw count whole occasions. */
export function dosesOver(frequency: Frequency, days: number): number {
  if (frequency === 'st') return 1;
  return Math.ceil(FREQUENCIES[frequency].dosesPerDay * days - 1e-9);
}

/** Dose units per dose: the dose is written either in dose units (片) or in the strength unit (mg, single ingredient only). */
export function unitsPerDose(dose: Dose, drug: QuantityDrug): number | null {
  if (dose.unit === drug.doseUnit) return dose.value;
  if (drug.singleIngredient && dose.unit === drug.strength.unit && drug.strength.value > 0) return dose.value / drug.strength.value;
  return null;
}

/** Quantity to dispense: whole packages covering every dose (rounded up). */
export function computeQuantity(item: { dose: Dose; frequency: Frequency; days: number }, drug: QuantityDrug): QuantityResult {
  const perDose = unitsPerDose(item.dose, drug);
  if (perDose === null) return { ok: false, reason: 'unit' };
  const doses = dosesOver(item.frequency, item.days);
  const totalUnits = perDose * doses;
  const packages = Math.max(1, Math.ceil(totalUnits / drug.packageSize - 1e-9));
  return { ok: true, unitsPerDose: perDose, doses, totalUnits, packages };
}

/** The short code printed beside the QR on the 处方笺: 8 characters that prove the holder has the paper. */
export const VerificationCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z2-7]{8}$/, 'the 8-character code printed beside the QR code');
export const PublicVerificationQuerySchema = z.object({ code: VerificationCodeSchema.optional() });

/**
 * What anyone holding a printed prescription learns without logging in (minimal disclosure): whether
 * it is authentic and its status, never the patient's name; the drugs only with the printed code.
 */
export const PublicVerificationSchema = z.object({
  number: z.string(),
  authentic: z.boolean(),
  status: PrescriptionStatusSchema,
  signedAt: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** The prescriber's institution and the dispensing (patient's) institution. */
  issuedBy: z.string().nullable(),
  pharmacy: z.string(),
  /** Present only when the printed code was given and matches. */
  items: z
    .array(z.object({ name: z.string(), strength: z.string(), quantity: z.object({ value: z.number().int(), unit: z.string() }), frequency: FrequencySchema, dose: DoseSchema, route: RouteCodeSchema, days: z.number().int() }))
    .nullable(),
});
export type PublicVerification = z.infer<typeof PublicVerificationSchema>;

/** What the pharmacist signs on approval (JWS payload): this version of this prescription, as reviewed. */
export const SignedReviewPayloadSchema = z.object({
  type: z.literal('cloudclinic.prescription-review'),
  prescriptionId: z.string(),
  version: z.number().int(),
  /** SHA-256 of the prescriber's signed canonical payload of that version. */
  prescriptionHash: z.string(),
  decision: z.literal('approved'),
  acknowledged: z.array(z.string()),
  pharmacist: z.object({ id: z.string(), name: z.string(), institution: z.string() }),
  at: z.string(),
});
export type SignedReviewPayload = z.infer<typeof SignedReviewPayloadSchema>;
