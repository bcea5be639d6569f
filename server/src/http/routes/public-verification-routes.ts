import { Router } from 'express';
import { IdParamsSchema, PublicVerificationQuerySchema } from '@cloudclinic/shared';
import type { OpinionVerifier } from '../../modules/opinions/opinion-verification';
import type { PublicVerifier } from '../../modules/prescriptions/public-verification';
import { handle } from '../handler';

/**
 * No login: `/api/public/prescriptions/:id?code=` (the QR on the printed 处方笺) and
 * `/api/public/opinions/:id` (a joint opinion's signatures, signers and times; no patient data).
 */
export function publicVerificationRoutes(verification: PublicVerifier, opinions: OpinionVerifier): Router {
  const r = Router();
  r.get(
    '/prescriptions/:id',
    handle({ params: IdParamsSchema, query: PublicVerificationQuerySchema }, ({ res, params, query }) => {
      res.setHeader('Cache-Control', 'no-store');
      return verification.verify(params.id, query.code);
    }),
  );
  r.get(
    '/opinions/:id',
    handle({ params: IdParamsSchema }, ({ res, params }) => {
      res.setHeader('Cache-Control', 'no-store');
      return opinions.verify(null, params.id);
    }),
  );
  return r;
}
