import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { Reachability } from '../reachability';

/** An upstream DICOMweb response whose body has not been read: the caller streams or drains it. */
export interface UpstreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Readable;
}

export class PacsUnavailableError extends Error {
  override readonly name = 'PacsUnavailableError';
}

export interface DicomwebClientOptions {
  /** Connect and first-byte timeout. */
  timeoutMs?: number;
}

/**
 * A plain client of one DICOMweb server (QIDO-RS, WADO-RS). Knows nothing of users or
 * consultations: the imaging module decides what may be asked. Responses are returned unread
 * so whole studies stream through without being buffered. Credentials in the base URL's user
 * info (`http://user:pass@host/dicom-web`) are sent as HTTP basic auth.
 */
export class DicomwebClient {
  private readonly base: URL;
  private readonly authorization: string | undefined;
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;
  /** Whether the PACS answered lately: every call reports, a light QIDO probe fills the gaps. */
  readonly reachability = new Reachability(() => this.probe());

  constructor(baseUrl: string, opts: DicomwebClientOptions = {}) {
    const url = new URL(baseUrl);
    if (url.username) {
      this.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    url.pathname = url.pathname.replace(/\/+$/, '');
    this.base = url;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    const Agent = url.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: 16 });
  }

  /** The base URL without credentials (for logs and health). */
  get displayUrl(): string {
    return this.base.toString();
  }

  /** GET `<base>/<path>?<query>`; resolves when the response headers arrive. */
  get(path: string, opts: { query?: URLSearchParams; accept?: string; signal?: AbortSignal } = {}): Promise<UpstreamResponse> {
    const url = new URL(this.base.toString());
    url.pathname = `${this.base.pathname}/${path.replace(/^\/+/, '')}`;
    // Commas separate list values in DICOMweb (`includefield=a,b`, `viewport=96,96`); some servers
    // (Orthanc) do not decode `%2C`, so they travel literally, as RFC 3986 allows in a query.
    if (opts.query) url.search = opts.query.toString().replace(/%2C/gi, ',');
    const headers: http.OutgoingHttpHeaders = { accept: opts.accept ?? 'application/dicom+json', 'accept-encoding': 'identity' };
    if (this.authorization) headers['authorization'] = this.authorization;
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, { method: 'GET', headers, agent: this.agent, signal: opts.signal }, (res) => {
        req.setTimeout(0);
        this.reachability.report(true);
        resolve({ status: res.statusCode ?? 502, headers: res.headers, body: res });
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(new PacsUnavailableError(`PACS did not answer within ${this.timeoutMs} ms`)));
      req.on('error', (err) => {
        if (opts.signal?.aborted) return reject(err);
        this.reachability.report(false);
        reject(err instanceof PacsUnavailableError ? err : new PacsUnavailableError(err.message));
      });
      req.end();
    });
  }

  /** GET and parse a DICOM JSON answer (QIDO-RS); 204 and empty bodies are an empty list. */
  async getJson(path: string, query?: URLSearchParams, signal?: AbortSignal): Promise<unknown> {
    const res = await this.get(path, { ...(query ? { query } : {}), accept: 'application/dicom+json', ...(signal ? { signal } : {}) });
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (res.status === 204 || (res.status === 200 && text.trim() === '')) return [];
    if (res.status === 404) return [];
    if (res.status !== 200) throw new PacsUnavailableError(`PACS answered ${res.status}`);
    return JSON.parse(text) as unknown;
  }

  /** A one-study QIDO search: any HTTP answer below 500 means the PACS is up. */
  private async probe(): Promise<boolean> {
    const res = await this.get('studies', { query: new URLSearchParams({ limit: '1' }), signal: AbortSignal.timeout(3_000) });
    res.body.resume();
    return res.status < 500;
  }

  close(): void {
    this.agent.destroy();
  }
}
