import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * The built client as the server sends it: a hashed script precompressed by the build (brotli and
 * gzip next to it) goes out in the encoding the browser accepts, cached for a year; index.html is
 * checked again on every load. The dist folder is made here, as the client build lays it out.
 */
const ASSET = '/assets/index-Ab12Cd34.js';
const SOURCE = Array.from({ length: 4000 }, (_, i) => `export function f${i}(a){return a*${i}+"${'x'.repeat(i % 40)}";}`).join('\n');

function makeDist(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), `<!doctype html><script type="module" src="${ASSET}"></script>`);
  const file = path.join(dist, ASSET);
  fs.writeFileSync(file, SOURCE);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(SOURCE));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(SOURCE, { level: 9 }));
  // A hashed asset the build left uncompressed (under its threshold): sent as it is.
  fs.writeFileSync(path.join(dist, 'assets', 'tiny-Zz99Yy88.css'), 'a{color:red}');
  return dist;
}

/** A raw GET (node:http: fetch would ask for gzip/br itself and decode the body). */
function get(url: string, acceptEncoding: string | null): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

describe('the built client: precompressed assets, long-lived caching for hashed files', () => {
  let srv: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = makeDist();
    srv = await startTestServer('pglite', { CLIENT_DIST_DIR: dist });
  });
  afterAll(async () => {
    await srv?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, much smaller than the file, cached for a year', async () => {
    const res = await get(`${srv.url}${ASSET}`, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.bytes.length).toBeLessThan(SOURCE.length / 5);
    expect(zlib.brotliDecompressSync(res.bytes).toString()).toBe(SOURCE);
  });

  it('sends gzip when only gzip is accepted, and honours a refusal of brotli (q=0)', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      const res = await get(`${srv.url}${ASSET}`, accept);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(zlib.gunzipSync(res.bytes).toString()).toBe(SOURCE);
    }
  });

  it('sends the file itself to a client that accepts no compression', async () => {
    for (const accept of [null, 'deflate']) {
      const res = await get(`${srv.url}${ASSET}`, accept);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i); // a shared cache must not hand it to a br client
      expect(res.bytes.toString()).toBe(SOURCE);
    }
  });

  it('keeps index.html (and the client routes that fall back to it) out of the long-lived cache', async () => {
    for (const p of ['/index.html', '/', '/field/consultations/abc']) {
      const res = await get(`${srv.url}${p}`, 'gzip, br');
      expect(res.status, p).toBe(200);
      expect(res.headers['cache-control'], p).toBe('no-cache');
      expect(res.headers['content-encoding'], p).toBeUndefined();
      expect(res.bytes.toString(), p).toContain(ASSET);
    }
  });

  it('serves a hashed asset without a compressed copy as it is, still immutable', async () => {
    const res = await get(`${srv.url}/assets/tiny-Zz99Yy88.css`, 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.bytes.toString()).toBe('a{color:red}');
  });
});
