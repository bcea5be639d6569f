import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const OLD_DEFAULT = 'cloudclinic-development-secret-change-me-0123456789';
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cc-config-'));

describe('JWT secret', () => {
  it.each(['development', 'test', 'production'] as const)('refuses the old published default secret in %s', (mode) => {
    expect(() => loadConfig({ NODE_ENV: mode, JWT_SECRET: OLD_DEFAULT, DATA_DIR: tmp() })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: mode, JWT_SECRET: OLD_DEFAULT, DATA_DIR: tmp() })).toThrow(/published default/);
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(31), DATA_DIR: tmp() })).toThrow(/at least 32/);
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32), DATA_DIR: tmp() }).jwtSecret).toBe('x'.repeat(32));
  });

  it('generates a random secret into DATA_DIR once (mode 0600), and keeps it across starts', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir }).jwtSecret;
    const file = path.join(dir, 'jwt-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(first);
    expect(loadConfig({ DATA_DIR: tmp() }).jwtSecret).not.toBe(first);
  });

  it('without a data directory (in-memory database) uses a random secret for this process only', () => {
    const a = loadConfig({ DATA_DIR: '' }).jwtSecret;
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: '' }).jwtSecret).not.toBe(a);
  });

  it('tightens a secret file others could read, and refuses a file holding the old default', () => {
    const dir = tmp();
    const file = path.join(dir, 'jwt-secret');
    fs.writeFileSync(file, 'y'.repeat(40), { mode: 0o644 });
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe('y'.repeat(40));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.writeFileSync(file, OLD_DEFAULT);
    expect(() => loadConfig({ DATA_DIR: dir })).toThrow(ConfigError);
  });
});

describe('shutdown and drain limits', () => {
  const redis = 'redis://127.0.0.1:6390';
  it('one node keeps the 8 s shutdown limit; several nodes add the drain (10 s by default) to it', () => {
    expect(loadConfig({ DATA_DIR: '' }).SHUTDOWN_TIMEOUT_MS).toBe(8000);
    const cluster = loadConfig({ DATA_DIR: '', REDIS_URL: redis });
    expect(cluster.DRAIN_TIMEOUT_MS).toBe(10_000);
    expect(cluster.SHUTDOWN_TIMEOUT_MS).toBe(18_000);
    expect(loadConfig({ DATA_DIR: '', REDIS_URL: redis, DRAIN_TIMEOUT_MS: '3000' }).SHUTDOWN_TIMEOUT_MS).toBe(11_000);
    expect(loadConfig({ DATA_DIR: '', REDIS_URL: redis, SHUTDOWN_TIMEOUT_MS: '30000' }).SHUTDOWN_TIMEOUT_MS).toBe(30_000);
  });

  it('refuses a drain that would not fit inside the shutdown limit, naming both settings', () => {
    const load = () => loadConfig({ DATA_DIR: '', REDIS_URL: redis, SHUTDOWN_TIMEOUT_MS: '8000' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DRAIN_TIMEOUT_MS \(10000\) must be below SHUTDOWN_TIMEOUT_MS \(8000\)/);
    expect(() => loadConfig({ DATA_DIR: '', REDIS_URL: redis, DRAIN_TIMEOUT_MS: '0' })).toThrow(/DRAIN_TIMEOUT_MS/);
  });
});

describe('ROOM_SPAN', () => {
  it('is off by default (a node answers wrong_node for a room held elsewhere) and takes only on or off', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).ROOM_SPAN).toBe('off');
    expect(loadConfig({ DATA_DIR: tmp(), ROOM_SPAN: 'on' }).ROOM_SPAN).toBe('on');
    expect(() => loadConfig({ DATA_DIR: tmp(), ROOM_SPAN: 'yes' })).toThrow(/ROOM_SPAN/);
  });
});
