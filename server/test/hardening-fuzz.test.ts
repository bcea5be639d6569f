import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import * as shared from '@cloudclinic/shared';
import { REQUEST_EVENT, socketRequests } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createSocketServer, DEFAULT_SOCKET_LIMITS } from '../src/realtime/socket-server';
import { appRouteTable, buildMatrixObjects, MATRIX_ROLES, MATRIX_USERS, type AppRoute, type MatrixRole } from './hardening-authz-fixtures';
import { REST_REQUEST_SCHEMAS, restCall, restRequest, socketPacket } from './hardening-fuzz-arbitraries';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/**
 * Fuzzing the edges with fast-check: every REST route with bodies shaped like every REST request
 * schema (and hostile values in any part), hostile path parameters and queries; every socket
 * request of the catalogue with payloads shaped like its schema, plus unknown events and broken
 * envelopes. Nothing may answer 5xx (or ack `internal`), crash the server or disconnect another
 * user. A short run is part of `npm test`; `FUZZ_LONG=1` runs 100,000 socket payloads and 20,000
 * REST requests.
 */
const LONG = process.env['FUZZ_LONG'] === '1';
/** `npm test` replays one fixed seed (the same payloads every run); the long run explores a new one each time. FUZZ_SEED replays a reported run. */
const SEED = Number(process.env['FUZZ_SEED'] ?? (LONG ? Date.now() % 2 ** 31 : 20_261_206));
const REST_RUNS = LONG ? 20_000 : 300;
const SOCKET_RUNS = LONG ? 100_000 : 600;

const REQUEST_SCHEMAS = REST_REQUEST_SCHEMAS;
const CATALOGUE: Record<string, { req: z.ZodType }> = socketRequests;


describe('fuzzing the REST and socket edges', () => {
  let srv: TestServer;
  const tokens: Partial<Record<MatrixRole, string>> = {};
  let ids: string[] = [];
  let routes: AppRoute[] = [];

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true });
    for (const role of MATRIX_ROLES) {
      const username = MATRIX_USERS[role];
      if (username) tokens[role] = (await login(srv.url, username)).accessToken;
    }
    const objects = await buildMatrixObjects(srv);
    ids = [...Object.values(objects.own), ...Object.values(objects.other)];
    routes = appRouteTable(srv).filter((r) => !r.path.startsWith('/api/test/'));
  }, 300_000);
  afterAll(async () => {
    await srv?.close();
  });

  it(`REST: ${REST_RUNS} hostile requests over every route give no 5xx`, async () => {
    expect(REQUEST_SCHEMAS.length).toBeGreaterThan(10);
    const failures: string[] = [];
    const request = restRequest(routes, MATRIX_ROLES, REQUEST_SCHEMAS, ids);
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const role = r.who;
        const { method, path, qs, headers, payload } = restCall(r, tokens[role]);
        const raw = r.raw;
        let res: Response;
        try {
          res = await fetch(`${srv.url}${path}${qs ? `?${qs}` : ''}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
        } catch (err) {
          throw new Error(`${method} ${path}: connection failed (${String(err)})`);
        }
        const text = await res.text();
        // No PACS is configured in this run: the proxy's 503 "no PACS" is the honest answer.
        const noPacs = res.status === 503 && path.startsWith('/api/dicomweb/');
        if (res.status >= 500 && !noPacs) failures.push(`${res.status} ${method} ${path}${qs ? `?${qs}` : ''} [${role}, ${raw}] ${payload?.slice(0, 200) ?? ''} → ${text.slice(0, 200)}`);
      }),
      { numRuns: REST_RUNS, seed: SEED },
    );
    if (failures.length) console.info(`seed ${SEED}\n${failures.slice(0, 30).join('\n')}`);
    expect(failures).toEqual([]);
    // …and the server still serves.
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  }, LONG ? 3_600_000 : 600_000);

  it(`socket: ${SOCKET_RUNS} hostile payloads over the whole catalogue never ack internal nor disconnect anyone else`, async () => {
    // Its own socket server beside the default one, with the flood limits opened wide: the fuzzer
    // sends far faster than a person (the limits themselves are tested in hardening-realtime).
    const httpServer = http.createServer();
    const io = createSocketServer(httpServer, srv.services, { ...DEFAULT_SOCKET_LIMITS, userRatePerSecond: 1e6, userBurst: 1e6, socketRatePerSecond: 1e6, socketBurst: 1e6 });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    const clients: SignalingClient[] = [];
    try {
      const fuzzRoles: MatrixRole[] = ['expert', 'kiosk', 'county_doctor', 'pharmacist', 'field_doctor', 'admin'];
      const fuzzers = await Promise.all(fuzzRoles.map((r) => SignalingClient.connect(url, tokens[r])));
      clients.push(...fuzzers);
      // A bystander on the default server, of another user: must stay connected throughout.
      const bystander = await SignalingClient.connect(srv.url, tokens['coordinator']);
      clients.push(bystander);
      let bystanderDropped = false;
      bystander.socket.on('disconnect', () => (bystanderDropped = true));

      const failures: string[] = [];
      const packet = socketPacket(CATALOGUE, ids);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: fuzzers.length - 1 }), packet, async (who, p) => {
          let c = fuzzers[who];
          if (!c) return;
          if (!c.socket.connected) {
            failures.push(`fuzzer ${fuzzRoles[who]} was disconnected`);
            c = fuzzers[who] = await SignalingClient.connect(url, tokens[fuzzRoles[who] ?? 'admin']);
            clients.push(c);
          }
          if (p.kind === 'event') {
            if (p.event === 'disconnect' || p.event === 'disconnecting' || p.event === 'connect' || p.event === 'connect_error' || p.event === 'newListener' || p.event === 'removeListener') return;
            const ack: unknown = await c.socket.timeout(10_000).emitWithAck(p.event || 'x', p.data);
            if (!shared.AckSchema.safeParse(ack).success) failures.push(`event ${p.event}: no proper ack`);
            return;
          }
          const raw: unknown = await c.socket.timeout(10_000).emitWithAck(REQUEST_EVENT, p.envelope);
          const ack = shared.AckSchema.safeParse(raw);
          if (!ack.success) failures.push(`bad ack for ${JSON.stringify(p.envelope).slice(0, 200)}`);
          else if (!ack.data.ok && ack.data.error.code === 'internal') failures.push(`internal for ${JSON.stringify(p.envelope).slice(0, 300)}`);
        }),
        { numRuns: SOCKET_RUNS, seed: SEED },
      );
      if (failures.length) console.info(`seed ${SEED}\n${failures.slice(0, 30).join('\n')}`);
      expect(failures).toEqual([]);
      expect(bystanderDropped).toBe(false);
      expect(await bystander.request('room.leave', {})).toEqual({ ok: true, data: {} });
    } finally {
      for (const c of clients) c.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    }
  }, LONG ? 3_600_000 : 600_000);
});
