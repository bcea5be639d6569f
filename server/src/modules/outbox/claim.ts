import type { Prisma } from '../../db/database';

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
}

/**
 * Claims up to `batch` due jobs of the given kinds for `owner` until now + leaseMs, oldest first.
 * Rows another node is claiming at this instant are skipped (SKIP LOCKED), and a job whose lease
 * holds is not due: two nodes never hold the same job.
 */
export async function claimDue(prisma: Prisma, o: { owner: string; kinds: string[]; leaseMs: number; batch: number }): Promise<ClaimedJob[]> {
  const now = new Date();
  const until = new Date(now.getTime() + o.leaseMs);
  const jobs = await prisma.$queryRaw<ClaimedJob[]>`
    UPDATE "OutboxJob" SET "leaseOwner" = ${o.owner}, "leaseUntil" = ${until}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxJob"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND "kind" = ANY(${o.kinds})
        AND ("leaseUntil" IS NULL OR "leaseUntil" < ${now})
      ORDER BY "createdAt"
      LIMIT ${o.batch}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "payload", "attempts", "createdAt"`;
  return jobs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
