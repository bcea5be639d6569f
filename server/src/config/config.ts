import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Repository root (server/src/config → ../../..). */
export const ROOT_DIR = path.resolve(here, '../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalUrl = z.string().url().optional();

/**
 * Every environment variable the server reads, with its default. README.md documents each one.
 * Parsed once at boot; an invalid value stops the process with a precise message.
 */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default(path.join(ROOT_DIR, '.data')),
  DATABASE_URL: z.string().url().optional(),
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(7 * 24 * 3600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  CLIENT_DIST_DIR: z.string().default(path.join(ROOT_DIR, 'client', 'dist')),
  TRUST_PROXY: bool.default(false),
  MEDIASOUP_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  MEDIASOUP_LOG_LEVEL: z.enum(['debug', 'warn', 'error', 'none']).default('warn'),
  RTC_LISTEN_IP: z.string().default('0.0.0.0'),
  RTC_ANNOUNCED_ADDRESS: z.string().optional(),
  /** First port of the WebRtcServer range: worker i listens on RTC_PORT + i (UDP and TCP). */
  RTC_PORT: z.coerce.number().int().min(0).max(65535).default(40000),
  RTC_MIN_PORT: z.coerce.number().int().min(1024).max(65535).default(41000),
  RTC_MAX_PORT: z.coerce.number().int().min(1024).max(65535).default(49999),
  TURN_URLS: z.string().optional(),
  TURN_SECRET: z.string().optional(),
  TURN_TTL_SECONDS: z.coerce.number().int().positive().default(6 * 3600),
  HIS_FHIR_BASE_URL: optionalUrl,
  HIS_FHIR_TOKEN: z.string().min(16).optional(),
  HIS_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** After repeated HIS failures, calls stop for this long before one trial call (circuit breaker). */
  HIS_BREAKER_COOLDOWN_MS: z.coerce.number().int().positive().default(30_000),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(2000),
  PACS_DICOMWEB_URL: optionalUrl,
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Env {
  jwtSecret: string;
  tls: { certFile: string; keyFile: string } | null;
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Env> = {}): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = { ...parsed.data, ...overrides };
  if ((env.TLS_CERT_FILE === undefined) !== (env.TLS_KEY_FILE === undefined)) {
    throw new ConfigError('Invalid configuration: TLS_CERT_FILE and TLS_KEY_FILE must be set together');
  }
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET (at least 32 characters) is required in production');
  }
  return {
    ...env,
    jwtSecret: env.JWT_SECRET ?? 'cloudclinic-development-secret-change-me-0123456789',
    tls: env.TLS_CERT_FILE && env.TLS_KEY_FILE ? { certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE } : null,
  };
}
