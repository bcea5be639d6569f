import { CircuitBreaker, type CircuitState } from './circuit-breaker';
import { FhirHttp, type SendOptions } from './fhir-http';
import { FhirResourceSchema, SearchBundleSchema, type FhirResource } from './fhir-schemas';
import type { CallOptions, CreateOptions, CreateResult, HisClient, MedicationQuery, PatientRecord, RecordPartFailure, UpdateOptions } from './his-client';
import { HisError, HisUnavailableError } from './his-errors';
import { collectionBundle, RECORD_PARTS } from './patient-record';
import { retry, type RetryOptions } from './retry';

export interface FhirHisClientOptions {
  /** The HIS's FHIR base, e.g. config HIS_FHIR_BASE_URL (`http://127.0.0.1:8090/fhir`). */
  baseUrl: string;
  token?: string;
  /** Timeout of each HTTP attempt. */
  timeoutMs: number;
  /** Reads (and conditional creates) are retried with exponential backoff. */
  retry?: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  breaker?: { failureThreshold?: number; cooldownMs?: number };
  /** Page size asked for in searches, and the most pages followed. */
  pageSize?: number;
  maxPages?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Thrown when an identifier that should be unique matches several patients. */
export class HisAmbiguousMatchError extends HisError {
  override readonly name = 'HisAmbiguousMatchError';
}

const isTransient = (err: unknown) => err instanceof HisUnavailableError && err.transient;

/** The county HIS over FHIR R4 REST. */
export class FhirHisClient implements HisClient {
  private readonly http: FhirHttp;
  private readonly breaker: CircuitBreaker;
  private readonly retryOpts: Omit<RetryOptions, 'shouldRetry'>;
  private readonly pageSize: number;
  private readonly maxPages: number;

  constructor(opts: FhirHisClientOptions) {
    this.breaker = new CircuitBreaker({
      failureThreshold: opts.breaker?.failureThreshold ?? 5,
      cooldownMs: opts.breaker?.cooldownMs ?? 30_000,
      ...(opts.now ? { now: opts.now } : {}),
    });
    this.http = new FhirHttp({
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs,
      breaker: this.breaker,
      ...(opts.token ? { token: opts.token } : {}),
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    this.retryOpts = {
      attempts: opts.retry?.attempts ?? 3,
      baseDelayMs: opts.retry?.baseDelayMs ?? 200,
      maxDelayMs: opts.retry?.maxDelayMs ?? 2_000,
    };
    this.pageSize = opts.pageSize ?? 200;
    this.maxPages = opts.maxPages ?? 20;
  }

  /** closed / open / half-open, for health checks and the UI's "HIS offline" banner. */
  get circuitState(): CircuitState {
    return this.breaker.state;
  }

  private get(url: string, opts: SendOptions) {
    return retry(() => this.http.send('GET', url, opts), { ...this.retryOpts, shouldRetry: isTransient, ...(opts.signal ? { signal: opts.signal } : {}) });
  }

  /** GET {type}/{id}. */
  async read(resourceType: string, id: string, opts: CallOptions = {}): Promise<FhirResource> {
    const res = await this.get(this.http.url(`${resourceType}/${encodeURIComponent(id)}`), { ...opts, what: { resourceType, id } });
    const parsed = FhirResourceSchema.safeParse(res.body);
    if (!parsed.success || parsed.data.resourceType !== resourceType || parsed.data.id !== id) {
      throw new HisUnavailableError('invalid-response', `HIS answered a read of ${resourceType}/${id} with something else`);
    }
    return parsed.data;
  }

  /** GET {type}?params, following `next` links (within the HIS's base URL) up to maxPages. */
  async search(resourceType: string, params: Record<string, string>, opts: CallOptions & { limit?: number } = {}): Promise<FhirResource[]> {
    const limit = opts.limit ?? Number.POSITIVE_INFINITY;
    const out: FhirResource[] = [];
    let url: string | undefined = this.http.url(resourceType, { ...params, _count: String(Math.min(this.pageSize, limit)) });
    for (let page = 0; url !== undefined && page < this.maxPages && out.length < limit; page++) {
      const res = await this.get(url, { ...opts, what: { resourceType } });
      const bundle = SearchBundleSchema.safeParse(res.body);
      if (!bundle.success) throw new HisUnavailableError('invalid-response', `HIS answered a ${resourceType} search with something other than a Bundle`);
      for (const entry of bundle.data.entry ?? []) {
        if (entry.search?.mode === 'outcome' || entry.resource?.resourceType !== resourceType) continue;
        const resource = FhirResourceSchema.safeParse(entry.resource);
        if (!resource.success) throw new HisUnavailableError('invalid-response', `HIS sent a ${resourceType} without an id`);
        out.push(resource.data);
      }
      const next: string | undefined = bundle.data.link?.find((l) => l.relation === 'next')?.url;
      if (next !== undefined && !this.http.isOwnUrl(next)) throw new HisUnavailableError('invalid-response', 'HIS paging link points outside its base URL');
      url = next;
    }
    return out.slice(0, limit);
  }

  getPatient(id: string, opts?: CallOptions): Promise<FhirResource> {
    return this.read('Patient', id, opts);
  }

  getMedication(id: string, opts?: CallOptions): Promise<FhirResource> {
    return this.read('Medication', id, opts);
  }

  async patientRecord(patientId: string, opts: CallOptions = {}): Promise<PatientRecord> {
    const patient = this.getPatient(patientId, opts);
    const parts = RECORD_PARTS.map((p) => this.search(p.resourceType, { patient: patientId, ...p.params }, opts));
    const [patientResult, ...partResults] = await Promise.allSettled([patient, ...parts]);
    if (patientResult?.status === 'rejected') throw patientResult.reason;
    if (patientResult === undefined) throw new Error('unreachable');
    const resources: FhirResource[] = [patientResult.value];
    const failed: RecordPartFailure[] = [];
    partResults.forEach((result, i) => {
      const part = RECORD_PARTS[i];
      if (!part) return;
      if (result.status === 'fulfilled') {
        resources.push(...result.value);
        return;
      }
      const err: unknown = result.reason;
      if (!(err instanceof HisError)) throw err;
      failed.push({ part: part.part, resourceType: part.resourceType, reason: err instanceof HisUnavailableError ? 'unavailable' : 'rejected', message: err.message });
    });
    return { bundle: collectionBundle(this.http.base, resources, new Date()), failed };
  }

  async findPatientByIdentifier(system: string, value: string, opts?: CallOptions): Promise<FhirResource | null> {
    const matches = await this.search('Patient', { identifier: `${system}|${value}` }, { ...opts, limit: 2 });
    if (matches.length > 1) throw new HisAmbiguousMatchError(`Several HIS patients have the identifier ${system}|…`);
    return matches[0] ?? null;
  }

  searchPatients(query: { name: string; birthDate: string; limit?: number }, opts?: CallOptions): Promise<FhirResource[]> {
    return this.search('Patient', { name: query.name, birthdate: query.birthDate }, { ...opts, limit: query.limit ?? 10 });
  }

  async searchMedications(query: string | MedicationQuery, opts?: CallOptions): Promise<FhirResource[]> {
    const q: MedicationQuery = typeof query === 'string' ? { name: query.trim() } : query;
    const limit = q.limit ?? 50;
    const params: Record<string, string> = {};
    if (q.name) params.name = q.name;
    if (q.pinyin) params.pinyin = q.pinyin;
    if (q.code) params.code = q.code;
    if (q.drugClass) params['drug-class'] = q.drugClass;
    if (Object.keys(params).length === 0) return [];
    const searches = [this.search('Medication', params, { ...opts, limit })];
    // Pharmacy habit: typing "aldp" means 氨氯地平. Latin letters search pinyin initials too.
    if (typeof query === 'string' && /^[a-z]+$/i.test(q.name ?? '')) searches.push(this.search('Medication', { pinyin: q.name ?? '' }, { ...opts, limit }));
    const results = (await Promise.all(searches)).flat();
    const unique = new Map(results.map((m) => [m.id, m]));
    return [...unique.values()].slice(0, limit);
  }

  async create<T extends { resourceType: string }>(resource: T, opts: CreateOptions = {}): Promise<CreateResult> {
    const { ifNoneExist, signal } = opts;
    const condition = typeof ifNoneExist === 'string' ? ifNoneExist : ifNoneExist ? new URLSearchParams(ifNoneExist).toString() : undefined;
    const send = () =>
      this.http.send('POST', this.http.url(resource.resourceType), {
        body: resource,
        ...(condition ? { headers: { 'if-none-exist': condition } } : {}),
        ...(signal ? { signal } : {}),
        what: { resourceType: resource.resourceType },
      });
    // Only an idempotent (conditional) create may be sent twice.
    const res = condition ? await retry(send, { ...this.retryOpts, shouldRetry: isTransient, ...(signal ? { signal } : {}) }) : await send();
    const parsed = FhirResourceSchema.safeParse(res.body);
    if (!parsed.success || parsed.data.resourceType !== resource.resourceType) {
      throw new HisUnavailableError('invalid-response', `HIS answered a ${resource.resourceType} create without the created resource`);
    }
    return { resource: parsed.data, created: res.status === 201, ...(res.location ? { location: res.location } : {}) };
  }

  /**
   * PUT {type}/{id}. With `ifMatch` the update is conditional on the version read, which makes a
   * repeat safe (a stale one is refused with 412), so it is retried; without it, it is sent once.
   */
  async update<T extends { resourceType: string; id: string }>(resource: T, opts: UpdateOptions = {}): Promise<FhirResource> {
    const { ifMatch, signal } = opts;
    const send = () =>
      this.http.send('PUT', this.http.url(`${resource.resourceType}/${encodeURIComponent(resource.id)}`), {
        body: resource,
        ...(ifMatch ? { headers: { 'if-match': `W/"${ifMatch}"` } } : {}),
        ...(signal ? { signal } : {}),
        what: { resourceType: resource.resourceType, id: resource.id },
      });
    const res = ifMatch ? await retry(send, { ...this.retryOpts, shouldRetry: isTransient, ...(signal ? { signal } : {}) }) : await send();
    const parsed = FhirResourceSchema.safeParse(res.body);
    if (!parsed.success || parsed.data.resourceType !== resource.resourceType || parsed.data.id !== resource.id) {
      throw new HisUnavailableError('invalid-response', `HIS answered an update of ${resource.resourceType}/${resource.id} with something else`);
    }
    return parsed.data;
  }
}
