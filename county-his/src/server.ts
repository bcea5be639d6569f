import type { Server } from 'node:http';
import { createHisApp } from './app';
import { DEFAULT_AS_OF, buildDataset, type DatasetOptions } from './data/dataset';
import { parseLocalDate } from './data/time';
import { Faults } from './http/faults';
import { ResourceStore } from './store/resource-store';
import type { StoredResource } from './store/stored-resource';

export interface CountyHisOptions extends DatasetOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Bearer token the HIS requires; none when undefined. */
  token?: string;
}

export interface CountyHisHandle {
  /** Base URL of the FHIR endpoint, e.g. `http://127.0.0.1:8090/fhir`. */
  url: string;
  close(): Promise<void>;
  /** While on, every request answers 503 with an OperationOutcome. */
  setOutage(on: boolean): void;
  /** Requests for these resource types answer 503 (partial outage); [] to clear. */
  setFailingTypes(types: readonly string[]): void;
  /** Requests with these HTTP methods answer 503 (e.g. ['PUT']); [] to clear. */
  setFailingMethods(methods: readonly string[]): void;
  /** The next `count` requests answer 503. */
  failNextRequests(count: number): void;
  /** Delay every answer by this many milliseconds. */
  setLatency(ms: number): void;
  /** Requests received so far (faulted ones included). */
  requestCount(): number;
}

/** The whole dataset as the store keeps it: every resource with version 1 at the dataset's date. */
export function loadResources(options: DatasetOptions = {}): StoredResource[] {
  const lastUpdated = new Date(parseLocalDate(options.asOf ?? DEFAULT_AS_OF)).toISOString();
  return buildDataset(options).map((r) => {
    if (r.id === undefined) throw new Error(`generated ${r.resourceType} without an id`);
    return { ...r, id: r.id, meta: { ...r.meta, versionId: '1', lastUpdated } };
  });
}

/** Starts the county HIS on its own HTTP server (in-process: tests, or `main.ts` for a separate process). */
export async function startCountyHis(options: CountyHisOptions = {}): Promise<CountyHisHandle> {
  const store = new ResourceStore(loadResources(options));
  const faults = new Faults();
  const app = createHisApp({ store, faults, ...(options.token ? { token: options.token } : {}) });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('county HIS is not listening on a TCP port');
  const { port } = address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/fhir`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
    setOutage: (on) => void (faults.outage = on),
    setFailingTypes: (types) => void (faults.failingTypes = new Set(types)),
    setFailingMethods: (methods) => void (faults.failingMethods = new Set(methods.map((m) => m.toUpperCase()))),
    failNextRequests: (count) => void (faults.failNext = Math.max(0, count)),
    setLatency: (ms) => void (faults.latencyMs = Math.max(0, ms)),
    requestCount: () => faults.requests,
  };
}
