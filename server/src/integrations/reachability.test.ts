import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Reachability, httpProbe } from './reachability';

describe('Reachability', () => {
  it('reports real outcomes at once and refreshes a stale answer in the background', async () => {
    let t = 0;
    let probeAnswer = true;
    let probes = 0;
    const r = new Reachability(
      () => {
        probes += 1;
        return Promise.resolve(probeAnswer);
      },
      { maxAgeMs: 1000, now: () => t },
    );
    expect(r.current()).toBeNull();
    await Promise.resolve();
    await Promise.resolve();
    expect(r.current()).toBe(true);
    r.report(false);
    expect(r.current()).toBe(false);
    expect(probes).toBe(1);
    t += 2000;
    probeAnswer = true;
    r.current();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(r.current()).toBe(true);
    expect(probes).toBe(2);
  });

  it('a probe that throws means down', async () => {
    const r = new Reachability(() => Promise.reject(new Error('ECONNREFUSED')));
    expect(await r.refresh()).toBe(false);
    expect(r.current()).toBe(false);
  });

  it('httpProbe: an answer is up, a closed port is down', async () => {
    const srv = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`;
    expect(await httpProbe(url)()).toBe(true);
    await new Promise<void>((resolve) => srv.close(() => resolve()));
    await expect(httpProbe(url, 500)()).rejects.toThrow();
  });
});
