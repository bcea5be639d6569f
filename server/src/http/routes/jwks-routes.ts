import { Router } from 'express';
import type { SigningKeys } from '../../modules/signatures/signing-keys';
import { handle } from '../handler';

/**
 * `/.well-known/jwks.json`: the prescribers' public signing keys (ES256), public and outside the /api
 * authentication, so anyone holding a printed prescription's JWS can verify it independently.
 */
export function jwksRoutes(keys: SigningKeys): Router {
  const r = Router();
  r.get(
    '/jwks.json',
    handle({}, async ({ res }) => {
      res.setHeader('Cache-Control', 'public, max-age=300');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.type('application/jwk-set+json');
      return keys.jwks();
    }),
  );
  return r;
}
