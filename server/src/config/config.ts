import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { NodeNameSchema, RoleSchema, type Role } from '@cloudclinic/shared';
import { MediaConfigError, planListenAddresses, type ListenAddress } from '../media/listen-plan';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Repository root (server/src/config → ../../..). */
export const ROOT_DIR = path.resolve(here, '../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalUrl = z.string().url().optional();

/** A comma list of roles ("" = none); kiosks are device accounts and can never be required to use a second factor. */
const roleList = z
  .string()
  .transform((v) => v.split(',').map((r) => r.trim()).filter(Boolean))
  .pipe(z.array(RoleSchema).refine((roles) => !roles.includes('kiosk'), 'kiosk accounts are devices and cannot be required to use two-factor sign-in'));

/** Production requires a second factor of experts, pharmacists and admins; elsewhere nobody by default. */
export const PRODUCTION_MFA_ROLES: readonly Role[] = ['expert', 'pharmacist', 'admin'];

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
  /** Signs access and invitation tokens. Unset: a random secret is generated once into DATA_DIR/jwt-secret (mode 0600). */
  JWT_SECRET: z.string().optional(),
  /** Where invitation links point (the address users reach the app at); never taken from the Host header. */
  PUBLIC_URL: z.string().url().optional(),
  /** How long a looked-up user/session stays cached: disablement, role change and logout take effect within it. */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(7 * 24 * 3600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  /** Roles that must sign in with a TOTP second factor (comma list). Unset: expert,pharmacist,admin in production, none otherwise. */
  MFA_REQUIRED_ROLES: roleList.optional(),
  /** Rate limits (429 + Retry-After): failed logins per IP per minute, per username per 15 minutes. */
  RATE_LIMIT_LOGIN_FAILURES_PER_IP: z.coerce.number().int().positive().default(5),
  RATE_LIMIT_LOGIN_FAILURES_PER_USER: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_REFRESH_PER_IP: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_CHECKIN_PER_MINUTE: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_SIGNING_PER_MINUTE: z.coerce.number().int().positive().default(30),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  CLIENT_DIST_DIR: z.string().default(path.join(ROOT_DIR, 'client', 'dist')),
  TRUST_PROXY: bool.default(false),
  MEDIASOUP_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  MEDIASOUP_LOG_LEVEL: z.enum(['debug', 'warn', 'error', 'none']).default('warn'),
  /** Unset: every local address is listened on and announced as itself (see media/listen-plan.ts). */
  RTC_LISTEN_IP: z.string().optional(),
  /** Comma-separated addresses (IPs or host names) browsers reach the SFU at: NAT / public deployments. */
  RTC_ANNOUNCED_ADDRESS: z.string().optional(),
  /** First port of the WebRtcServer range: worker i listens on RTC_PORT + i (UDP and TCP). */
  RTC_PORT: z.coerce.number().int().min(0).max(65535).default(40000),
  RTC_MIN_PORT: z.coerce.number().int().min(1024).max(65535).default(41000),
  RTC_MAX_PORT: z.coerce.number().int().min(1024).max(65535).default(49999),
  TURN_URLS: z.string().optional(),
  TURN_SECRET: z.string().optional(),
  TURN_TTL_SECONDS: z.coerce.number().int().positive().default(6 * 3600),
  /** Browsers send media only through TURN (iceTransportPolicy "relay"): for networks that block UDP to the SFU. */
  TURN_RELAY_ONLY: bool.default(false),
  /** Open sockets per account, and packets per second per account across them (flood limits that protect other users). */
  SOCKETS_PER_USER: z.coerce.number().int().positive().default(8),
  SOCKET_PACKETS_PER_USER_PER_SECOND: z.coerce.number().int().positive().default(60),
  HIS_FHIR_BASE_URL: optionalUrl,
  HIS_FHIR_TOKEN: z.string().min(16).optional(),
  HIS_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** After repeated HIS failures, calls stop for this long before one trial call (circuit breaker). */
  HIS_BREAKER_COOLDOWN_MS: z.coerce.number().int().positive().default(30_000),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(2000),
  /** This node's name among several (the load balancer's server name); unset: host name and process id. */
  NODE_ID: NodeNameSchema.optional(),
  /** Several server nodes: the Redis their domain events and room placements go through (unset: one node, all in process). */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://').optional(),
  PACS_DICOMWEB_URL: optionalUrl,
  /** Hard limit for a graceful stop; default 8 s, and with several nodes DRAIN_TIMEOUT_MS + 8 s (see `shutdownBudget`). */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  /** Several nodes: how long a node stopping on SIGTERM waits for its rooms to move to other nodes. */
  DRAIN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Several nodes: `on` lets a room span nodes. A node reached for a room that another node holds
   * opens it here too and links the two routers (mediasoup PipeTransports, to this node's first RTC
   * address); `off` (default): it answers `wrong_node` and the client moves to that node.
   */
  ROOM_SPAN: z.enum(['on', 'off']).default('off'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Omit<Env, 'SHUTDOWN_TIMEOUT_MS'> {
  /** SHUTDOWN_TIMEOUT_MS, or its default (the drain fits inside it). */
  SHUTDOWN_TIMEOUT_MS: number;
  jwtSecret: string;
  /** Where the SFU listens and what it announces to browsers. */
  rtcAddresses: ListenAddress[];
  /** PUBLIC_URL without a trailing slash; unset: http(s)://localhost:PORT. */
  publicUrl: string;
  tls: { certFile: string; keyFile: string } | null;
  /** MFA_REQUIRED_ROLES, or its default for NODE_ENV. */
  mfaRequiredRoles: readonly Role[];
}

export class ConfigError extends Error {}

/** Time left after the drain for closing sockets, rooms, workers and the database. */
const STOP_MS = 8000;

/** The graceful-stop limit: with several nodes it holds the drain, which must end inside it. */
function shutdownBudget(env: Env): number {
  if (!env.REDIS_URL) return env.SHUTDOWN_TIMEOUT_MS ?? STOP_MS;
  const budget = env.SHUTDOWN_TIMEOUT_MS ?? env.DRAIN_TIMEOUT_MS + STOP_MS;
  if (env.DRAIN_TIMEOUT_MS >= budget) {
    throw new ConfigError(`Invalid configuration: DRAIN_TIMEOUT_MS (${env.DRAIN_TIMEOUT_MS}) must be below SHUTDOWN_TIMEOUT_MS (${budget}): the drain happens inside the shutdown limit`);
  }
  return budget;
}

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
  if (env.TURN_RELAY_ONLY && !(env.TURN_URLS && env.TURN_SECRET)) {
    throw new ConfigError('Invalid configuration: TURN_RELAY_ONLY needs TURN_URLS and TURN_SECRET: without a relay no media could flow');
  }
  if (env.RTC_MIN_PORT > env.RTC_MAX_PORT) {
    throw new ConfigError(`Invalid configuration: RTC_MIN_PORT (${env.RTC_MIN_PORT}) is above RTC_MAX_PORT (${env.RTC_MAX_PORT}): no media port could ever open`);
  }
  const shutdownMs = shutdownBudget(env);
  let rtcAddresses: ListenAddress[];
  try {
    rtcAddresses = planListenAddresses({ listenIp: env.RTC_LISTEN_IP, announced: env.RTC_ANNOUNCED_ADDRESS });
  } catch (err) {
    if (err instanceof MediaConfigError) throw new ConfigError(`Invalid configuration: ${err.message}`);
    throw err;
  }
  return {
    ...env,
    SHUTDOWN_TIMEOUT_MS: shutdownMs,
    rtcAddresses,
    jwtSecret: env.JWT_SECRET === undefined ? secretFromDataDir(env.DATA_DIR) : checkSecret(env.JWT_SECRET, 'JWT_SECRET'),
    publicUrl: (env.PUBLIC_URL ?? `${env.TLS_CERT_FILE ? 'https' : 'http'}://localhost:${env.PORT}`).replace(/\/+$/, ''),
    tls: env.TLS_CERT_FILE && env.TLS_KEY_FILE ? { certFile: env.TLS_CERT_FILE, keyFile: env.TLS_KEY_FILE } : null,
    mfaRequiredRoles: env.MFA_REQUIRED_ROLES ?? (env.NODE_ENV === 'production' ? PRODUCTION_MFA_ROLES : []),
  };
}

/** Secrets that were once written in this repository: anyone can forge tokens with them. */
const KNOWN_SECRETS = new Set(['cloudclinic-development-secret-change-me-0123456789']);
const MIN_SECRET_LENGTH = 32;

export function checkSecret(secret: string, source: string): string {
  if (KNOWN_SECRETS.has(secret.trim())) {
    throw new ConfigError(`Invalid configuration: ${source} is a published default secret; set a random one (e.g. openssl rand -base64 48) or unset it to generate one`);
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`Invalid configuration: ${source} must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  return secret;
}

/**
 * The token secret kept in DATA_DIR/jwt-secret: created on first start with 48 random bytes, readable
 * by the owner only (0600); with DATA_DIR empty, random for this process. Two processes starting at once agree on one file (exclusive create).
 */
export function secretFromDataDir(dataDir: string): string {
  // No data directory (an in-memory database): a secret for this process only.
  if (!dataDir) return crypto.randomBytes(48).toString('base64url');
  const file = path.join(path.resolve(dataDir), 'jwt-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return checkSecret(fs.readFileSync(file, 'utf8').trim(), file);
}
