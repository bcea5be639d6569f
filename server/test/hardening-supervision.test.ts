import { HealthResponseSchema } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHisProcess } from '../../scripts/lib/county-his.mjs';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/** Polls `fn` until it returns true (or fails the test after `timeoutMs`). */
async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the county HIS simulator under the supervisor', () => {
  let his: Awaited<ReturnType<typeof startCountyHisProcess>>;
  let srv: TestServer;

  beforeAll(async () => {
    // A restart delay well beyond the health probe's 5 s cache, so the outage is always seen through it.
    his = await startCountyHisProcess({ stdio: 'ignore', restart: { initialDelayMs: 12_000 } });
    srv = await startTestServer('pglite', { HIS_FHIR_BASE_URL: his.url });
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
    await his?.stop();
  });

  // Outside systems are shown to admins; the status (ok / degraded) to anyone.
  let admin: string | null = null;
  const health = async () => {
    admin ??= (await login(srv.url, 'admin')).accessToken;
    const res = await fetch(`${srv.url}/api/health`, { headers: { authorization: `Bearer ${admin}` } });
    return HealthResponseSchema.parse(await res.json());
  };
  const hisHealth = async () => (await health()).integrations?.['his'];
  const hisAnswers = async () => (await fetch(`${his.url}/metadata`)).ok;

  it('killed, it is shown unreachable, restarted on the same URL, and shown reachable again', async () => {
    await until('health to see the HIS', async () => (await hisHealth())?.reachable === true);
    const pid = his.pid;
    expect(pid).toBeDefined();
    process.kill(pid ?? 0, 'SIGKILL');
    await until('health to see the HIS down', async () => (await hisHealth())?.reachable === false, 20_000);
    expect((await health()).status).toBe('degraded');
    await until('the HIS to be restarted', async () => his.restarts() === 1 && (await hisAnswers()), 90_000);
    expect(his.pid).not.toBe(pid);
    await until('health to see the HIS again', async () => (await hisHealth())?.reachable === true, 20_000);
    expect((await health()).status).toBe('ok');
  }, 180_000);
});
