import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { FIELD_INVITATION_AUDIENCE } from '@cloudclinic/shared';
import { AppError, forbidden } from '../../lib/errors';

const ISSUER = 'cloudclinic';

const ClaimsSchema = z.object({
  sub: z.string().min(1).max(64),
  jti: z.string().uuid(),
  inst: z.string().min(1).max(64),
  exp: z.number().int(),
});
export type InvitationClaims = z.infer<typeof ClaimsSchema>;

/**
 * Invitation tokens: HS256 JWTs under the server secret, with their own audience (never accepted as
 * an access token, and an access token is never accepted here). `sub` is the consultation, `jti`
 * the invitation row, `inst` the institution whose field doctors may accept it.
 */
export function signInvitation(secret: string, claims: { consultationId: string; invitationId: string; institutionId: string; expiresAt: Date }): Promise<string> {
  return new SignJWT({ inst: claims.institutionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(FIELD_INVITATION_AUDIENCE)
    .setSubject(claims.consultationId)
    .setJti(claims.invitationId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
    .sign(new TextEncoder().encode(secret));
}

/** Verifies signature, audience and expiry: `invitation_expired` (410) or `forbidden` (403). */
export async function verifyInvitation(secret: string, token: string): Promise<InvitationClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: FIELD_INVITATION_AUDIENCE, requiredClaims: ['exp'] }));
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw new AppError('invitation_expired', 'This invitation has expired; ask the expert for a new one');
    throw forbidden('This invitation is not valid');
  }
  const claims = ClaimsSchema.safeParse(payload);
  if (!claims.success) throw forbidden('This invitation is not valid');
  return claims.data;
}
