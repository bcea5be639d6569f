import { z } from 'zod';
import { DiagnosisSchema, Icd10CodeSchema } from '../icd10/index';

/** 会诊意见 (MDT joint opinion) and each expert's own opinion. */

const Text = (max: number) => z.string().trim().max(max);
const Codes = z.array(Icd10CodeSchema).max(20);

/** One expert's own opinion: free text and ICD-10 codes. */
export const SaveExpertOpinionBodySchema = z.strictObject({ text: Text(4000), diagnoses: Codes });
export type SaveExpertOpinionBody = z.infer<typeof SaveExpertOpinionBodySchema>;

export const ExpertOpinionViewSchema = z.object({
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  diagnoses: z.array(DiagnosisSchema),
  updatedAt: z.string(),
});
export type ExpertOpinionView = z.infer<typeof ExpertOpinionViewSchema>;

export const DissentInputSchema = z.strictObject({ expertId: z.string().min(1).max(64), text: Text(2000).min(1) });

/** The chair's draft of the joint opinion; `revision` is the one edited (a stale one is 409). */
export const SaveJointOpinionBodySchema = z.strictObject({
  findings: Text(8000),
  diagnoses: Codes,
  treatment: Text(8000),
  dissent: z.array(DissentInputSchema).max(20),
  revision: z.number().int().min(0),
});
export type SaveJointOpinionBody = z.infer<typeof SaveJointOpinionBodySchema>;

export const SignOpinionBodySchema = z.strictObject({ password: z.string().min(1).max(128) });

export const JointOpinionStatusSchema = z.enum(['draft', 'signing', 'final', 'superseded']);
export type JointOpinionStatus = z.infer<typeof JointOpinionStatusSchema>;

export const OpinionSignerSchema = z.object({
  id: z.string(),
  name: z.string(),
  institution: z.string(),
  /** null until this expert has signed. */
  signedAt: z.string().nullable(),
});
export type OpinionSigner = z.infer<typeof OpinionSignerSchema>;

export const JointOpinionViewSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  version: z.number().int(),
  status: JointOpinionStatusSchema,
  chairId: z.string(),
  findings: z.string(),
  diagnoses: z.array(DiagnosisSchema),
  treatment: z.string(),
  dissent: z.array(z.object({ expertId: z.string(), name: z.string(), text: z.string() })),
  revision: z.number().int(),
  /** Every expert who must sign (set on submission), with their signature time. */
  signers: z.array(OpinionSignerSchema),
  submittedAt: z.string().nullable(),
  finalAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type JointOpinionView = z.infer<typeof JointOpinionViewSchema>;

/** Everything of a consultation's opinions a participant may see, with what they may do. */
export const ConsultationOpinionsSchema = z.object({
  chairId: z.string().nullable(),
  /** The experts taking part (the required signers once submitted). */
  experts: z.array(z.object({ id: z.string(), name: z.string(), institution: z.string() })),
  /** The experts' own opinions (experts only; empty for the county doctor). */
  opinions: z.array(ExpertOpinionViewSchema),
  /** Every version, newest first (the county doctor sees final and superseded ones only). */
  versions: z.array(JointOpinionViewSchema),
});
export type ConsultationOpinions = z.infer<typeof ConsultationOpinionsSchema>;

/** Verification of every signature of one version against the published keys (JWKS). */
export const OpinionVerificationSchema = z.object({
  opinionId: z.string(),
  version: z.number().int(),
  status: JointOpinionStatusSchema,
  /** Every required expert signed, each signature verifies, and the stored document hashes as recorded. */
  valid: z.boolean(),
  integrity: z.boolean(),
  institution: z.string(),
  payloadHash: z.string().nullable(),
  alg: z.literal('ES256'),
  signatures: z.array(z.object({ signerId: z.string(), name: z.string(), institution: z.string(), kid: z.string().nullable(), signedAt: z.string().nullable(), valid: z.boolean() })),
});
export type OpinionVerification = z.infer<typeof OpinionVerificationSchema>;

/** What is signed (the JWS payload of every signature): RFC 8785 canonical JSON of this. */
export const SignedOpinionPayloadSchema = z.object({
  type: z.literal('cloudclinic.mdt-opinion'),
  id: z.string(),
  consultationId: z.string(),
  version: z.number().int(),
  previousHash: z.string().nullable(),
  createdAt: z.string(),
  patient: z.object({ hisPatientId: z.string(), institution: z.string() }),
  chair: z.object({ id: z.string(), name: z.string() }),
  findings: z.string(),
  diagnoses: z.array(z.object({ code: z.string(), zh: z.string() })),
  treatment: z.string(),
  dissent: z.array(z.object({ expertId: z.string(), name: z.string(), text: z.string() })),
  signers: z.array(z.object({ id: z.string(), name: z.string(), qualificationNo: z.string().nullable(), institution: z.string() })),
});
export type SignedOpinionPayload = z.infer<typeof SignedOpinionPayloadSchema>;
