import { Router } from 'express';
import {
  IdParamsSchema,
  MfaChallengeConfirmRequestSchema,
  MfaChallengeEnrolRequestSchema,
  MfaConfirmRequestSchema,
  MfaDisableRequestSchema,
  MfaVerifyRequestSchema,
} from '@cloudclinic/shared';
import type { MfaAccount } from '../../modules/auth/mfa/mfa-account';
import type { MfaLogin } from '../../modules/auth/mfa/mfa-login';
import type { AbuseLimits } from '../middleware/abuse-limits';
import { handle } from '../handler';
import { authOf, requireRole } from '../middleware/auth';

const meta = (req: { ip?: string | undefined; requestId: string }) => ({ ip: req.ip, requestId: req.requestId });

/** The second sign-in step (public: the challenge token is the credential), under /api/auth/mfa. */
export function mfaLoginRoutes(login: MfaLogin, limits: AbuseLimits): Router {
  const r = Router();
  r.post('/verify', ...limits.mfa, handle({ body: MfaVerifyRequestSchema }, ({ body, req }) => login.verify(body.challengeToken, body.code, meta(req))));
  r.post('/enrol', ...limits.mfa, handle({ body: MfaChallengeEnrolRequestSchema }, ({ body, req }) => login.startEnrolment(body.challengeToken, meta(req))));
  r.post('/enrol/confirm', ...limits.mfa, handle({ body: MfaChallengeConfirmRequestSchema }, ({ body, req }) => login.confirmEnrolment(body.challengeToken, body.code, meta(req))));
  return r;
}

/** The signed-in user's own second factor, under /api/account/mfa. */
export function mfaAccountRoutes(account: MfaAccount, limits: AbuseLimits): Router {
  const r = Router();
  r.get('/', handle({}, ({ req }) => account.status(authOf(req))));
  r.post('/enrol', handle({}, ({ req }) => account.begin(authOf(req), meta(req))));
  r.post('/enrol/confirm', ...limits.mfaAccount, handle({ body: MfaConfirmRequestSchema }, ({ body, req }) => account.confirm(authOf(req), body.code, meta(req))));
  r.post('/disable', ...limits.mfaAccount, handle({ body: MfaDisableRequestSchema }, ({ body, req }) => account.disable(authOf(req), body.password, body.code, meta(req))));
  return r;
}

/** An admin's reset of a user's second factor, under /api/users. */
export function mfaAdminRoutes(account: MfaAccount): Router {
  const r = Router();
  r.post('/:id/mfa/reset', requireRole('admin'), handle({ params: IdParamsSchema }, ({ params, req }) => account.reset(authOf(req), params.id, meta(req))));
  return r;
}
