import { Router } from 'express';
import { LoginRequestSchema, LogoutRequestSchema, RefreshRequestSchema } from '@cloudclinic/shared';
import type { AuthService } from '../../modules/auth/auth-service';
import type { AccessSessions } from '../../modules/auth/access-sessions';
import type { AbuseLimits } from '../middleware/abuse-limits';
import { handle } from '../handler';
import { authOf, requireAuth } from '../middleware/auth';

export function authRoutes(auth: AuthService, sessions: AccessSessions, limits: AbuseLimits): Router {
  const r = Router();
  const meta = (req: { ip?: string | undefined; requestId: string }) => ({ ip: req.ip, requestId: req.requestId });
  r.post('/login', ...limits.login, handle({ body: LoginRequestSchema }, ({ body, req }) => auth.login(body.username, body.password, meta(req))));
  r.post('/refresh', ...limits.refresh, handle({ body: RefreshRequestSchema }, ({ body, req }) => auth.refresh(body.refreshToken, meta(req))));
  r.post('/logout', handle({ body: LogoutRequestSchema }, ({ body, req }) => auth.logout(body.refreshToken, meta(req))));
  r.get('/me', requireAuth(sessions), handle({}, ({ req }) => auth.profile(authOf(req).sub)));
  return r;
}
