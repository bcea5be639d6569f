import { z } from 'zod';

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  database: z.object({ ok: z.boolean(), kind: z.enum(['pglite', 'postgres']) }),
  sfu: z.object({ workers: z.number().int(), liveWorkers: z.number().int(), rooms: z.number().int() }),
  integrations: z.record(z.string(), z.object({ configured: z.boolean(), url: z.string().nullable() })),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
