import { CircuitOpenError, type CircuitBreaker, type ErrorVerdict } from './circuit-breaker';
import { OperationOutcomeSchema } from './fhir-schemas';
import { HisNotFoundError, HisRejectedError, HisUnavailableError } from './his-errors';

export interface FhirHttpOptions {
  baseUrl: string;
  token?: string;
  /** Per attempt: connect, headers and body. */
  timeoutMs: number;
  breaker: CircuitBreaker;
  fetch?: typeof fetch;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface FhirResponse {
  status: number;
  location?: string;
  /** Parsed JSON, or undefined for an empty body. Not yet validated. */
  body: unknown;
}

export interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** For a 404: what was asked for (`Patient`, `Patient/p-1`). */
  what?: { resourceType: string; id?: string };
}

function diagnostics(body: unknown): string[] {
  const outcome = OperationOutcomeSchema.safeParse(body);
  return outcome.success ? outcome.data.issue.map((i) => i.diagnostics ?? i.code ?? 'error') : [];
}

/** Which errors mean the HIS is unwell (they open the circuit) and which mean it answered. */
function verdict(err: unknown): ErrorVerdict {
  if (err instanceof HisUnavailableError) return err.transient ? 'failure' : 'neutral';
  if (err instanceof HisNotFoundError || err instanceof HisRejectedError) return 'success';
  return 'neutral';
}

/**
 * One HTTP exchange with the HIS's FHIR endpoint: bearer token, per-attempt timeout via
 * AbortSignal, every HTTP outcome mapped to the client's typed errors, all through the breaker.
 */
export class FhirHttp {
  readonly base: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly opts: FhirHttpOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = opts.fetch ?? fetch;
  }

  url(path: string, query?: Record<string, string>): string {
    const qs = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
    return `${this.base}/${path}${qs}`;
  }

  /** Only URLs under the configured base are followed (paging links), so the token never leaks elsewhere. */
  isOwnUrl(url: string): boolean {
    return url.startsWith(`${this.base}/`) || url.startsWith(`${this.base}?`);
  }

  async send(method: HttpMethod, url: string, opts: SendOptions = {}): Promise<FhirResponse> {
    try {
      return await this.opts.breaker.run(() => this.exchange(method, url, opts), verdict);
    } catch (err) {
      if (err instanceof CircuitOpenError) throw new HisUnavailableError('circuit-open', `HIS circuit open (${err.message})`);
      throw err;
    }
  }

  private async exchange(method: HttpMethod, url: string, opts: SendOptions): Promise<FhirResponse> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/fhir+json', ...opts.headers };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/fhir+json';

    let status: number;
    let location: string | null;
    let text: string;
    try {
      const res = await this.fetchImpl(url, { method, headers, signal, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
      status = res.status;
      location = res.headers.get('location');
      text = await res.text();
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      if (timeout.aborted) throw new HisUnavailableError('timeout', `HIS did not answer within ${this.opts.timeoutMs} ms`);
      throw new HisUnavailableError('network', `HIS unreachable: ${err instanceof Error ? err.message : String(err)}`);
    }

    let body: unknown;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        if (status >= 200 && status < 300) throw new HisUnavailableError('invalid-response', `HIS answered ${status} with a body that is not JSON`, status);
      }
    }
    if (status >= 200 && status < 300) return { status, body, ...(location ? { location } : {}) };
    const issues = diagnostics(body);
    if (status === 404 || status === 410) throw new HisNotFoundError(opts.what?.resourceType ?? 'resource', opts.what?.id);
    if (status === 429) throw new HisUnavailableError('rate-limited', 'HIS is rate limiting', status);
    if (status >= 500) throw new HisUnavailableError('server-error', `HIS answered ${status}${issues[0] ? `: ${issues[0]}` : ''}`, status);
    throw new HisRejectedError(status, `HIS refused the request (${status})${issues[0] ? `: ${issues[0]}` : ''}`, issues);
  }
}
