import crypto from 'node:crypto';
import { loadConfig, type Env } from '../../src/config/config';
import { seedDemoData } from '../../src/db/seed/seed';
import { createLogger } from '../../src/lib/logger';
import { startServer, type RunningServer } from '../../src/server';
import { createScratchDatabase, type DbTarget } from './test-database';
import { startTestPacs, type TestPacs } from './test-pacs';
import { startCountyHis, type CountyHisHandle } from '@cloudclinic/county-his';

export interface TestServer extends RunningServer {
  close(): Promise<void>;
  /** The embedded PACS, when started with `{ pacs: true }`. */
  pacs?: TestPacs;
  /** The county HIS simulator, when started with `{ his: true }`. */
  his?: CountyHisHandle;
}

export interface TestServerOptions {
  /** Start a real Orthanc seeded with the demo studies of these patients (true: p-0001 and p-0002). */
  pacs?: boolean | readonly string[];
  /** Start the county HIS simulator (FHIR R4) in-process and point HIS_FHIR_BASE_URL at it. */
  his?: boolean;
}

/**
 * The real app on a free port: a fresh database (in-memory PGlite, or a scratch database on the
 * TEST_DATABASE_URL server), migrated and seeded, and a real mediasoup worker.
 */
export async function startTestServer(target: DbTarget = 'pglite', overrides: Partial<Env> = {}, opts: TestServerOptions = {}): Promise<TestServer> {
  const pacs = opts.pacs ? await startTestPacs(opts.pacs === true ? undefined : opts.pacs) : undefined;
  const his = opts.his ? await startCountyHis({ port: 0 }) : undefined;
  const scratch = target === 'postgres' ? await createScratchDatabase() : undefined;
  const config = loadConfig(
    { NODE_ENV: 'test' },
    {
      PORT: 0,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      MEDIASOUP_WORKERS: 1,
      RTC_PORT: 0,
      CLIENT_DIST_DIR: '/nonexistent',
      JWT_SECRET: crypto.randomBytes(48).toString('base64url'),
      ...(scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: '' }),
      ...(pacs ? { PACS_DICOMWEB_URL: pacs.dicomwebUrl } : {}),
      ...(his ? { HIS_FHIR_BASE_URL: his.url, OUTBOX_POLL_MS: 200, HIS_BREAKER_COOLDOWN_MS: 500 } : {}),
      ...overrides,
    },
  );
  const log = createLogger(config.LOG_LEVEL);
  const server = await startServer(config, log, { memoryDatabase: !scratch });
  await seedDemoData(server.services.prisma);
  return {
    ...server,
    ...(pacs ? { pacs } : {}),
    ...(his ? { his } : {}),
    async close() {
      await server.stop();
      await scratch?.drop();
      await pacs?.stop();
      await his?.close();
    },
  };
}

export async function login(baseUrl: string, username: string, password = 'Demo@2026'): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { accessToken: string; refreshToken: string };
}
