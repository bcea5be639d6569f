import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Prisma } from '../db/database';
import type { Logger } from './logger';

export interface LimitSpec {
  /** Distinct name: the key prefix in the shared table. */
  name: string;
  points: number;
  durationSeconds: number;
}

const TABLE = 'rate_limit';

interface PgQuery {
  text: string;
  values?: unknown[];
}

/**
 * The node-postgres `query` shape that rate-limiter-flexible's Postgres store calls, answered through
 * Prisma: the limiter shares the app's connection, so it works on embedded PGlite (one connection) as
 * on a PostgreSQL server, and counts hold across server processes on one database. int8 → number.
 */
function prismaStoreClient(prisma: Prisma) {
  return {
    async query(q: PgQuery): Promise<{ rows: Record<string, unknown>[] }> {
      const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...(q.values ?? []));
      return { rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))) };
    },
  };
}

/**
 * Builds limiters on one table in our database (created on first use), each insured by an in-memory
 * limiter that takes over while the database cannot answer. Without a database (unit tests): memory.
 */
export class RateLimitStore {
  private readonly client;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly prisma: Prisma | null,
    private readonly log: Logger,
  ) {
    this.client = prisma ? prismaStoreClient(prisma) : null;
  }

  limiter(spec: LimitSpec): RateLimiterAbstract {
    const base = { keyPrefix: spec.name, points: spec.points, duration: spec.durationSeconds };
    if (!this.client) return new RateLimiterMemory(base);
    return new RateLimiterPostgres({
      ...base,
      storeClient: this.client,
      storeType: 'prisma',
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
      insuranceLimiter: new RateLimiterMemory(base),
    });
  }

  /** Creates the table once; call before the first request is served. */
  init(): Promise<void> {
    this.ready ??= (async () => {
      if (!this.prisma) return;
      await this.prisma.$executeRawUnsafe(
        `CREATE TABLE IF NOT EXISTS "${TABLE}" (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      );
    })().catch((err: unknown) => {
      this.log.error({ err }, 'rate limit table could not be created; limits fall back to memory');
    });
    return this.ready;
  }

  /** Drops counters that expired over an hour ago (call periodically). */
  async sweep(): Promise<void> {
    if (!this.prisma) return;
    await this.prisma.$executeRawUnsafe(`DELETE FROM "${TABLE}" WHERE expire < $1`, Date.now() - 3_600_000);
  }
}
