import fc from 'fast-check';
import { REST_REQUEST_SCHEMAS, restCall, restRequest } from '@cloudclinic/server/test/hardening-fuzz-arbitraries';

const REQUEST_SCHEMAS = REST_REQUEST_SCHEMAS;

export interface RestFuzzStats {
  sent: number;
  byClass: Record<string, number>;
  /** 5xx answers, every one (the run has its county HIS and PACS, so none is an honest "not configured"). */
  serverErrors: number;
  connectionFailures: number;
  examples: string[];
}

/** The requests of server/test/hardening-fuzz.test.ts, `total` of them, `concurrency` at a time. */
export async function restFuzz(
  url: string,
  routes: readonly { method: string; path: string }[],
  tokens: readonly (string | undefined)[],
  ids: readonly string[],
  o: { total: number; concurrency: number; seed: number },
): Promise<RestFuzzStats> {
  const request = restRequest(routes, tokens, REQUEST_SCHEMAS, ids);
  const stats: RestFuzzStats = { sent: 0, byClass: {}, serverErrors: 0, connectionFailures: 0, examples: [] };
  const perLane = Math.ceil(o.total / o.concurrency);
  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, lane) => {
      for (const r of fc.sample(request, { numRuns: perLane, seed: o.seed + lane })) {
        if (stats.sent >= o.total) break;
        stats.sent++;
        const { method, path, qs, headers, payload } = restCall(r, r.who);
        try {
          const res = await fetch(`${url}${path}${qs ? `?${qs}` : ''}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
          const text = await res.text();
          const cls = `${Math.floor(res.status / 100)}xx`;
          stats.byClass[cls] = (stats.byClass[cls] ?? 0) + 1;
          if (res.status >= 500) {
            stats.serverErrors++;
            if (stats.examples.length < 10) stats.examples.push(`${res.status} ${method} ${path} → ${text.slice(0, 160)}`);
          }
        } catch (err) {
          stats.connectionFailures++;
          if (stats.examples.length < 10) stats.examples.push(`connection failed: ${method} ${path} (${String(err)})`);
        }
      }
    }),
  );
  return stats;
}
