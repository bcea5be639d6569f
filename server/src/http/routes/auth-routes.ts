import { Router } from 'express';
import { LoginRequestSchema, LogoutRequestSchema, RefreshRequestSchema } from '@cloudclinic/shared';
import type { AuthService } from '../../modules/auth/auth-service';
import type { TokenSigner } from '../../modules/auth/tokens';
import { handle } from '../handler';
import { authOf, requireAuth } from '../middleware/auth';

export function authRoutes(auth: AuthService, signer: TokenSigner): Router {
  const r = Router();
  const meta = (req: { ip?: string | undefined; requestId: string }) => ({ ip: req.ip, requestId: req.requestId });
  r.post('/login', handle({ body: LoginRequestSchema }, ({ body, req }) => auth.login(body.username, body.password, meta(req))));
  r.post('/refresh', handle({ body: RefreshRequestSchema }, ({ body, req }) => auth.refresh(body.refreshToken, meta(req))));
  r.post('/logout', handle({ body: LogoutRequestSchema }, ({ body, req }) => auth.logout(body.refreshToken, meta(req))));
  r.get('/me', requireAuth(signer), handle({}, ({ req }) => auth.profile(authOf(req).sub)));
  return r;
}
