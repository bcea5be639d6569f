import { z } from 'zod';

/** Environment of the stand-alone county HIS process. */
export const HisEnvSchema = z.object({
  HIS_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  HIS_HOST: z.string().min(1).default('127.0.0.1'),
  /** When set, every request but /fhir/metadata needs `Authorization: Bearer <token>`. */
  HIS_API_TOKEN: z.string().min(16).optional(),
  /** Dataset seed and "today" (YYYY-MM-DD); the defaults give the documented demo data. */
  HIS_SEED: z.string().min(1).optional(),
  HIS_AS_OF: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

export type HisEnv = z.infer<typeof HisEnvSchema>;

export function loadHisEnv(source: NodeJS.ProcessEnv = process.env): HisEnv {
  const parsed = HisEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid county HIS configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
