import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startOrthanc } from '../../../scripts/lib/orthanc.mjs';
import { fmt, type Goal } from '../lib/result';
import { runScenario } from '../lib/scenario';
import { SignalingSocket } from '../lib/signaling';
import { summarize } from '../lib/stats';
import { login, startAppServer, startCountyHisProcess } from '../server/server-process';
import { politeLatencies, underFlood } from './hardening/flood';
import { restFuzz } from './hardening/rest-fuzz';
import { socketFuzz } from './hardening/socket-fuzz';

/**
 * Figure 8 — hardening: a long hostile run against a server on the default configuration (default
 * per-account socket limits): fuzzed socket payloads over the whole signaling catalogue, fuzzed REST
 * requests over every route, and a well-behaved client's request/ack p99 while another account floods.
 * The fuzz arbitraries and the flood worker are those of the server's hardening tests.
 */
const FULL = { socketPayloads: 100_000, restRequests: 20_000, latencySamples: 400 };
const SMOKE = { socketPayloads: 300, restRequests: 200, latencySamples: 20 };
const P99_TARGET_MS = 200;

/** Each plays one account; dr.he is the well-behaved client, doc.daishan floods. */
const FUZZ_USERS = ['admin', 'coordinator', 'dr.chen', 'dr.lin', 'doc.wang', 'kiosk.shengsi', 'kiosk.shengsi2', 'kiosk.shengshan', 'kiosk.daishan', 'pharm.zhou', 'field.xu'];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

await runScenario('hardening', '8. Hardening under hostile load', async (ctx) => {
  const p = ctx.smoke ? SMOKE : FULL;
  const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
  // The county HIS, as a deployment has one: without it the prescription routes honestly answer 503.
  const his = await startCountyHisProcess();
  ctx.defer(() => his.stop());
  // … and its PACS (Orthanc under its guard), so the imaging proxy's answers are real ones too.
  const pacsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-bench-pacs-'));
  ctx.defer(() => fs.rmSync(pacsDir, { recursive: true, force: true }));
  const pacs = await startOrthanc({ storageDir: pacsDir, name: 'CloudClinic bench PACS' });
  ctx.defer(async () => {
    await pacs.stop();
  });
  const pacsPid = pacs.orthancPid();
  const srv = await startAppServer({ workers: 1, serveClient: false, defaultLimits: true, hisUrl: his.url, pacsUrl: pacs.dicomwebUrl });
  ctx.defer(() => srv.stop());
  const tokens: Record<string, string> = {};
  for (const u of [...FUZZ_USERS, 'dr.he', 'doc.daishan']) tokens[u] = (await login(srv.url, u)).accessToken;
  const { id: consultationId } = await srv.rpc.call('createConsultation', { participants: [{ username: 'dr.chen', role: 'expert' }, { username: 'kiosk.shengsi', role: 'patient_kiosk' }] });
  const ids = [consultationId];
  const routes = (await srv.rpc.call('routes', null)).filter((r) => !r.path.startsWith('/api/test/'));

  const polite = await SignalingSocket.connect(srv.url, tokens['dr.he'] ?? '');
  ctx.defer(() => polite.close());
  let politeDropped = false;
  polite.socket.on('disconnect', () => (politeDropped = true));
  ctx.log(`baseline: ${p.latencySamples} request/acks with nobody flooding`);
  const base = await politeLatencies(polite, p.latencySamples);
  ctx.log('flood: 20 sockets of one account');
  const { result: flooded, flood } = await underFlood(srv.url, tokens['doc.daishan'] ?? '', () => politeLatencies(polite, p.latencySamples));
  const b = summarize(base.ms);
  const f = summarize(flooded.ms);

  ctx.log(`socket fuzz: ${p.socketPayloads} payloads from ${FUZZ_USERS.length} accounts`);
  const t0 = Date.now();
  const sock = await socketFuzz(srv.url, FUZZ_USERS.map((u) => tokens[u] ?? ''), ids, { total: p.socketPayloads, socketsPerUser: 3, perSocketPerSecond: 18, seed });
  const sockSec = (Date.now() - t0) / 1000;
  ctx.log(`REST fuzz: ${p.restRequests} requests over ${routes.length} routes`);
  const t1 = Date.now();
  const rest = await restFuzz(srv.url, routes, [...Object.values(tokens), undefined], ids, { total: p.restRequests, concurrency: 4, seed });
  const restSec = (Date.now() - t1) / 1000;

  const health = await fetch(`${srv.url}/api/health`).then((r) => r.status, () => 0);
  const crashed = !alive(srv.pid) || health !== 200;
  const workersAlive = srv.workerPids.filter(alive).length;
  const pacsNow = pacs.orthancPid();
  const pacsSteady = pacsNow !== null && pacsNow === pacsPid && pacs.restarts() === 0;
  const fiveXx = rest.serverErrors + sock.internal;
  const goals: Goal[] = [
    { goal: `well-behaved client's request/ack p99 during the flood < ${P99_TARGET_MS} ms`, measured: fmt.ms(f.p99), met: ctx.smoke ? null : f.p99 < P99_TARGET_MS && flooded.failures === 0 },
    { goal: 'server process alive after the run (0 crashes)', measured: crashed ? `crashed (health ${health})` : `alive, health 200, ${workersAlive}/${srv.workerPids.length} media workers`, met: !crashed },
    { goal: 'the PACS (Orthanc) never went down (same process, 0 restarts)', measured: pacsSteady ? `same process, 0 restarts` : `process ${pacsPid} → ${pacsNow ?? 'none'}, ${pacs.restarts()} restarts`, met: pacsSteady },
    { goal: '0 answers 5xx (REST) or `internal` (socket acks)', measured: `${rest.serverErrors} REST 5xx, ${sock.internal} socket internal`, met: fiveXx === 0 },
    { goal: `≥ ${FULL.socketPayloads.toLocaleString('en')} socket payloads and ≥ ${FULL.restRequests.toLocaleString('en')} REST requests`, measured: `${sock.sent} and ${rest.sent}`, met: ctx.smoke ? null : sock.sent >= FULL.socketPayloads && rest.sent >= FULL.restRequests },
  ];
  const failed = crashed || fiveXx > 0 || politeDropped || !pacsSteady;
  return {
    status: failed ? 'partial' : 'ok',
    method: [
      'The real app in its own process on the default configuration (per-socket 20 packets/s, per-account 60 packets/s and 8 sockets), one mediasoup worker, the seeded demo database, the county HIS simulator in another process, Orthanc (DICOMweb) as the county PACS under its guard. Load from the bench process (socket.io clients, fetch) and one worker thread (the flooder).',
      `Flood: a well-behaved account (dr.he) sends \`room.leave\` request/acks about 20 a second, ${p.latencySamples} with nobody else active (baseline), then ${p.latencySamples} while another account (doc.daishan) opens 20 sockets and floods each with unknown events, requests without an ack and requests with one (\`server/test/hardening-flood-worker.mjs\`), reconnecting whenever thrown out.`,
      `Socket fuzz: ${p.socketPayloads.toLocaleString('en')} packets generated with fast-check from the arbitraries of \`server/test/hardening-fuzz-arbitraries.ts\` (requests shaped like each schema of the signaling catalogue with hostile values in any part, broken envelopes, unknown events with hostile data), sent by ${FUZZ_USERS.length} accounts of every role over 3 sockets each, each socket paced under the per-socket limit (18/s) so packets reach the handlers. Each must be acked \`{ ok, data } | { ok: false, error }\`, never with \`internal\`.`,
      `REST fuzz: ${p.restRequests.toLocaleString('en')} requests, 4 at a time, over every route of the app's router stack (the test-only routes excepted), with hostile path parameters and queries, bodies shaped like every REST request schema or hostile, broken JSON, wrong content types and false gzip claims, as every role or none. Seed ${seed} (FUZZ_SEED to replay).`,
    ],
    headline: [
      `Well-behaved client under a 20-socket flood: request/ack p99 ${fmt.ms(f.p99)} (baseline without flood ${fmt.ms(b.p99)}, ${fmt.ratio(f.p99 / b.p99)}); ${crashed ? '**the server crashed**' : 'server alive'}; ${rest.serverErrors} REST 5xx in ${rest.sent.toLocaleString('en')} requests, ${sock.internal} \`internal\` acks in ${sock.sent.toLocaleString('en')} socket payloads.`,
    ],
    goals,
    tables: [
      {
        title: "A well-behaved client's request/ack (room.leave)",
        columns: ['', 'n', 'p50', 'p95', 'p99', 'max', 'p99 / baseline', 'failed'],
        rows: [
          ['nobody flooding (baseline)', b.n, fmt.ms(b.p50), fmt.ms(b.p95), fmt.ms(b.p99), fmt.ms(b.max), '1.00×', base.failures],
          ['another account floods from 20 sockets', f.n, fmt.ms(f.p50), fmt.ms(f.p95), fmt.ms(f.p99), fmt.ms(f.max), fmt.ratio(f.p99 / b.p99), flooded.failures],
        ],
      },
      {
        title: 'Hostile traffic',
        columns: ['', 'sent', 'rate', 'outcome'],
        rows: [
          ['socket payloads', sock.sent, `${Math.round(sock.sent / Math.max(sockSec, 0.001))}/s`, `${sock.acked} acked, ${sock.internal} internal, ${sock.badAcks} malformed acks, ${sock.noAck} without ack, ${sock.rateLimited} rate-limited, ${sock.disconnectedByServer} sockets closed by the server`],
          ['REST requests', rest.sent, `${Math.round(rest.sent / Math.max(restSec, 0.001))}/s`, Object.entries(rest.byClass).sort().map(([k, v]) => `${v} ${k}`).join(', ') + (rest.connectionFailures ? `, ${rest.connectionFailures} connection failures` : '')],
          ['flooder', flood.sent ?? 0, '', `${flood.opened?.connected ?? 0} sockets admitted, ${flood.opened?.refused ?? 0} refused, ${flood.disconnectedByServer ?? 0} thrown out, ${flood.rateLimitedAcks ?? 0} rate-limited acks, refused on return: ${flood.reconnectRefused ? 'yes' : 'no'}`],
        ],
      },
    ],
    notes: [
      ...(politeDropped ? ['The well-behaved client was disconnected during the run.'] : []),
      ...(rest.examples.length ? [`First failures: ${rest.examples.map((e) => `\`${e}\``).join('; ')}`] : []),
      'On a 2-core machine the load generators share the cores with the server they measure; the flood p99 includes that contention.',
    ],
    data: { seed, baseline: b, flood: f, floodStats: flood, socket: sock, rest, crashed, health, socketSeconds: sockSec, restSeconds: restSec },
  };
});
