import { Router } from 'express';
import { z } from 'zod';
import { IdParamsSchema } from '@cloudclinic/shared';
import type { RecordService } from '../../modules/records/record-service';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

const RecordQuery = z.object({ refresh: z.enum(['0', '1', 'true', 'false']).optional() });

/** GET /api/consultations/:id/record → FHIR Bundle (collection) of the consultation's patient, plus failed parts. */
export function recordRoutes(records: RecordService): Router {
  const r = Router();
  r.get(
    '/:id/record',
    handle({ params: IdParamsSchema, query: RecordQuery }, ({ req, params, query }) =>
      records.record(authOf(req), params.id, { requestId: req.requestId, ip: req.ip }, query.refresh === '1' || query.refresh === 'true'),
    ),
  );
  return r;
}
