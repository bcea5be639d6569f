import { z } from 'zod';
import { InstitutionKindSchema, RoleSchema } from '../domain';

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const InstitutionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The English name, for English screens (absent in sessions stored before it was sent). */
  nameEn: z.string().optional(),
  kind: InstitutionKindSchema,
});
export type InstitutionSummary = z.infer<typeof InstitutionSummarySchema>;

export const UserProfileSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  institution: InstitutionSummarySchema,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
});
export type UserProfile = z.infer<typeof UserProfileSchema>;

export const TokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

export const LoginResponseSchema = TokenPairSchema.extend({ user: UserProfileSchema });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const RefreshRequestSchema = z.object({ refreshToken: z.string().min(16).max(512) });
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;
export const RefreshResponseSchema = LoginResponseSchema;

export const LogoutRequestSchema = RefreshRequestSchema;

/** Claims carried by an access token (JWT). */
export const AccessClaimsSchema = z.object({
  sub: z.string(),
  role: RoleSchema,
  inst: z.string(),
  name: z.string(),
});
export type AccessClaims = z.infer<typeof AccessClaimsSchema>;
