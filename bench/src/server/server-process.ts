import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RpcChild } from '../lib/rpc';
import type { CountyHisApi } from './county-his';
import type { ServerApi, ServerOptions } from './server-api';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface AppServer {
  url: string;
  pid: number;
  workerPids: number[];
  rpc: RpcChild<ServerApi>;
  stop(): Promise<void>;
}

/** Start the app server process (migrations + seed take a few seconds on PGlite). */
export async function startAppServer(opts: ServerOptions): Promise<AppServer> {
  const rpc = await RpcChild.start<ServerApi>(path.join(here, 'app-server.ts'), {
    name: 'app-server',
    nodeArgs: ['--expose-gc'],
    env: { BENCH_SERVER_OPTIONS: JSON.stringify(opts) },
    readyTimeoutMs: 120_000,
  });
  const info = await rpc.call('info', null);
  return { ...info, rpc, stop: () => rpc.stop(15_000) };
}

/** The county HIS simulator in its own process. */
export async function startCountyHisProcess(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const rpc = await RpcChild.start<CountyHisApi>(path.join(here, 'county-his.ts'), { name: 'county-his', readyTimeoutMs: 120_000 });
  const info = await rpc.call('info', null);
  return { ...info, stop: () => rpc.stop() };
}

export async function login(url: string, username: string, password = 'Demo@2026'): Promise<{ accessToken: string; refreshToken: string; user: unknown }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { accessToken: string; refreshToken: string; user: unknown };
}
