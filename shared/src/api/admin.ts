import { z } from 'zod';
import { InstitutionKindSchema, RoleSchema } from '../domain';
import { IdSchema } from './common';
import { AntibioticGradeSchema } from './prescriptions';

/**
 * User and institution management by administrators (REST schemas). Passwords set here follow one
 * rule, `InitialPasswordSchema`; the login accepts any password up to 256 characters, so every
 * password an administrator sets can be used to sign in.
 */

/** Roles whose accounts prescribe, and so may hold an antibiotic prescribing privilege (抗菌药物处方权). */
export const PRESCRIBER_ROLES = ['expert', 'county_doctor', 'field_doctor'] as const;

/** 8–256 characters (the login's limit) with at least three of: lower case, upper case, digit, other. */
export const InitialPasswordSchema = z
  .string()
  .min(8, 'At least 8 characters')
  .max(256)
  .refine((p) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length >= 3, {
    message: 'Use at least three of: lower case, upper case, digits, other characters',
  });

export const UsernameSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,47}$/, '3–48 letters, digits, dot, dash or underscore');

const NamedRef = z.object({ id: z.string(), name: z.string(), nameEn: z.string() });

export const ManagedUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  institution: NamedRef,
  department: NamedRef.nullable(),
  qualificationNo: z.string().nullable(),
  antibioticPrivilege: AntibioticGradeSchema.nullable(),
  disabled: z.boolean(),
  /** Signs in with a confirmed second factor (TOTP). */
  mfaEnrolled: z.boolean(),
  /** Locked after failed logins until then (null: not locked). */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type ManagedUser = z.infer<typeof ManagedUserSchema>;
export const ManagedUserListSchema = z.object({ users: z.array(ManagedUserSchema) });

export const CreateUserRequestSchema = z
  .object({
    username: UsernameSchema,
    displayName: z.string().trim().min(1).max(64),
    role: RoleSchema,
    institutionId: IdSchema,
    departmentId: IdSchema.optional(),
    qualificationNo: z.string().trim().regex(/^[0-9A-Za-z]{6,32}$/, 'Licence number: 6–32 letters or digits').optional(),
    password: InitialPasswordSchema,
  })
  .strict()
  .refine((u) => !u.password.toLowerCase().includes(u.username), { message: 'The password must not contain the username', path: ['password'] });
export type CreateUserRequest = z.input<typeof CreateUserRequestSchema>;

export const ResetPasswordRequestSchema = z.object({ password: InitialPasswordSchema }).strict();
export type ResetPasswordRequest = z.input<typeof ResetPasswordRequestSchema>;

export const AntibioticPrivilegeRequestSchema = z.object({ grade: AntibioticGradeSchema.nullable() }).strict();
export type AntibioticPrivilegeRequest = z.input<typeof AntibioticPrivilegeRequestSchema>;

export const ManagedInstitutionSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: InstitutionKindSchema,
  region: z.string().nullable(),
  departments: z.array(NamedRef),
  userCount: z.number().int(),
});
export type ManagedInstitution = z.infer<typeof ManagedInstitutionSchema>;
export const ManagedInstitutionListSchema = z.object({ institutions: z.array(ManagedInstitutionSchema) });

export const UpdateInstitutionRequestSchema = z
  .object({ name: z.string().trim().min(2).max(64).optional(), nameEn: z.string().trim().min(2).max(128).optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.nameEn !== undefined, { message: 'Give name or nameEn' });
export type UpdateInstitutionRequest = z.input<typeof UpdateInstitutionRequestSchema>;
