import { z } from 'zod';

/** One ICE connectivity check of the SFU, sent from the server to one announced UDP candidate. */
export const MediaSelfTestCheckSchema = z.object({
  worker: z.number().int(),
  address: z.string().nullable(),
  port: z.number().int().nullable(),
  ok: z.boolean(),
  rttMs: z.number().nullable(),
  error: z.string().optional(),
});
export type MediaSelfTestCheck = z.infer<typeof MediaSelfTestCheckSchema>;

export const MediaSelfTestSchema = z.object({ ok: z.boolean(), at: z.string(), checks: z.array(MediaSelfTestCheckSchema) });
export type MediaSelfTest = z.infer<typeof MediaSelfTestSchema>;

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  /** Admins only (with their access token): */
  database: z.object({ ok: z.boolean(), kind: z.enum(['pglite', 'postgres']) }).optional(),
  sfu: z.object({ workers: z.number().int(), liveWorkers: z.number().int(), rooms: z.number().int() }).optional(),
  /** What browsers are told to send media to, and the last self-test of that path (null: not run yet). */
  media: z.object({ announced: z.array(z.string()), selfTest: MediaSelfTestSchema.nullable() }),
  /** `reachable`: whether the system answered lately (null: unknown or not checked, e.g. TURN). */
  integrations: z.record(z.string(), z.object({ configured: z.boolean(), url: z.string().nullable(), reachable: z.boolean().nullable() })).optional(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
