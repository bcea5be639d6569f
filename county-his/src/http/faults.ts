/**
 * Fault injection for tests of the platform's HIS client: a whole-HIS outage, failing resource
 * types (partial failure), slow answers, a number of failing requests, and a request counter.
 */
export class Faults {
  outage = false;
  latencyMs = 0;
  failingTypes = new Set<string>();
  /** HTTP methods that answer 503 (e.g. PUT: updates fail while reads and creates work). */
  failingMethods = new Set<string>();
  failNext = 0;
  requests = 0;
}
