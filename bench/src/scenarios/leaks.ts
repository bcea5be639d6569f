import { openSockets, processRssBytes } from '../lib/proc';
import { fmt, type Goal } from '../lib/result';
import { runScenario } from '../lib/scenario';
import { SignalingSocket } from '../lib/signaling';
import { sleep } from '../lib/stats';
import { rtpAudioParameters, rtpVideoParameters } from '../media/rtp';
import { login, startAppServer, type AppServer } from '../server/server-process';

/**
 * Figure 7 — leaks: server RSS and heap, worker RSS, open UDP sockets and transports after 1,000
 * join/leave cycles over signaling, against the start.
 */
const FULL = { cycles: 1000, lanes: 8, warmup: 50, sampleEvery: 200, budgetSec: 220 };
const SMOKE = { cycles: 12, lanes: 4, warmup: 4, sampleEvery: 4, budgetSec: 40 };
const FINGERPRINT = { algorithm: 'sha-256', value: Array.from({ length: 32 }, () => 'AB').join(':') };

interface Sample {
  cycles: number;
  serverRss: number;
  heapUsed: number;
  workerRss: number;
  udp: number;
  fds: number;
  rooms: number;
  routers: number;
  transports: number;
  webRtcServerTransports: number;
  auditRows: number;
}

async function sample(srv: AppServer, cycles: number): Promise<Sample> {
  await sleep(500); // let closes reach the workers
  const s = await srv.rpc.call('stats', { gc: true });
  const pids = [srv.pid, ...s.workerPids];
  const socks = openSockets(pids);
  return {
    cycles,
    serverRss: processRssBytes(srv.pid) ?? s.rssBytes,
    heapUsed: s.heapUsedBytes,
    workerRss: s.workerPids.reduce((sum, pid) => sum + (processRssBytes(pid) ?? 0), 0),
    udp: socks.udp,
    fds: socks.fds,
    rooms: s.rooms,
    routers: s.routers,
    transports: s.transports,
    webRtcServerTransports: s.webRtcServerTransports,
    auditRows: s.auditRows,
  };
}

let ssrc = 1000;

/** One participant's full join: transports, send audio + video, receive and resume the other side. */
async function join(sock: SignalingSocket, consultationId: string): Promise<void> {
  const resumes: Promise<unknown>[] = [];
  const off = sock.onNotification((n) => {
    if (n.method === 'consumer.new' && typeof n.data === 'object' && n.data !== null && 'id' in n.data) {
      resumes.push(sock.request('consumer.resume', { consumerId: String((n.data as { id: unknown }).id) }).catch(() => undefined));
    }
  });
  const j = await sock.request('room.join', { consultationId });
  const send = await sock.request('transport.create', { direction: 'send' });
  const recv = await sock.request('transport.create', { direction: 'recv' });
  await sock.request('transport.connect', { transportId: recv['id'], dtlsParameters: { role: 'client', fingerprints: [FINGERPRINT] } });
  await sock.request('room.ready', { rtpCapabilities: j['routerRtpCapabilities'] });
  await sock.request('producer.create', { transportId: send['id'], kind: 'audio', rtpParameters: rtpAudioParameters(++ssrc), source: 'microphone' });
  await sock.request('producer.create', { transportId: send['id'], kind: 'video', rtpParameters: rtpVideoParameters(++ssrc), source: 'camera' });
  await sleep(20);
  await Promise.all(resumes);
  off();
}

async function cycle(url: string, tokens: { expert: string; kiosk: string }, consultationId: string, n: number): Promise<void> {
  const [expert, kiosk] = await Promise.all([SignalingSocket.connect(url, tokens.expert), SignalingSocket.connect(url, tokens.kiosk)]);
  try {
    await join(expert, consultationId);
    await join(kiosk, consultationId);
    // Leave both ways: an explicit room.leave, and a socket that just goes away.
    if (n % 2 === 0) await expert.request('room.leave', {});
    else await kiosk.request('room.leave', {});
  } finally {
    expert.close();
    kiosk.close();
  }
}

await runScenario('leaks', '7. Leaks after join/leave cycles', async (ctx) => {
  const p = ctx.smoke ? SMOKE : FULL;
  const srv = await startAppServer({ workers: 2, serveClient: false });
  ctx.defer(() => srv.stop());
  const tokens = { expert: (await login(srv.url, 'dr.chen')).accessToken, kiosk: (await login(srv.url, 'kiosk.shengsi')).accessToken };
  const consultations: string[] = [];
  for (let i = 0; i < p.lanes; i++) {
    const { id } = await srv.rpc.call('createConsultation', {
      participants: [
        { username: 'dr.chen', role: 'expert' },
        { username: 'kiosk.shengsi', role: 'patient_kiosk' },
      ],
    });
    consultations.push(id);
  }
  const samples: Sample[] = [await sample(srv, 0)];
  let done = 0;
  let failures = 0;
  let firstError = '';
  const t0 = Date.now();
  const deadline = t0 + p.budgetSec * 1000;
  const runTo = async (target: number) => {
    await Promise.all(
      consultations.map(async (id, lane) => {
        for (let n = lane; done < target && Date.now() < deadline; n += p.lanes) {
          done++;
          try {
            await cycle(srv.url, tokens, id, n);
          } catch (err) {
            failures++;
            firstError ||= err instanceof Error ? err.message : String(err);
          }
        }
      }),
    );
  };
  await runTo(p.warmup);
  samples.push(await sample(srv, done));
  while (done < p.cycles && Date.now() < deadline) {
    await runTo(Math.min(p.cycles, done + p.sampleEvery));
    samples.push(await sample(srv, done));
    ctx.log(`${done} cycles, server RSS ${fmt.mb(samples.at(-1)?.serverRss ?? 0)}, heap ${fmt.mb(samples.at(-1)?.heapUsed ?? 0)}`);
  }
  const seconds = (Date.now() - t0) / 1000;
  await sleep(2000);
  const end = await sample(srv, done);
  samples.push(end);
  const start = samples[0] as Sample;
  const warm = samples[1] as Sample;
  const per1000 = (a: number, b: number) => ((b - a) * 1000) / Math.max(1, end.cycles - warm.cycles);
  const heapGrowth = per1000(warm.heapUsed, end.heapUsed);
  const rssGrowth = per1000(warm.serverRss, end.serverRss);
  const workerGrowth = per1000(warm.workerRss, end.workerRss);
  const mediaBack = end.rooms === start.rooms && end.routers === start.routers && end.transports === start.transports && end.webRtcServerTransports === start.webRtcServerTransports;
  const udpBack = end.udp === start.udp;
  const HEAP_LIMIT = 5 * 2 ** 20;
  const goals: Goal[] = [
    { goal: 'rooms, routers and transports back to the start after the cycles', measured: `${end.rooms} rooms, ${end.routers} routers, ${end.transports + end.webRtcServerTransports} transports (start: ${start.rooms}, ${start.routers}, ${start.transports + start.webRtcServerTransports})`, met: ctx.smoke ? null : mediaBack },
    { goal: 'open UDP sockets (server + workers) back to the start', measured: `${end.udp} (start ${start.udp})`, met: ctx.smoke ? null : udpBack },
    { goal: 'server JS heap after GC grows < 5 MiB per 1,000 cycles (after warm-up)', measured: `${heapGrowth >= 0 ? '+' : ''}${fmt.mb(heapGrowth)} per 1,000 cycles`, met: ctx.smoke ? null : heapGrowth < HEAP_LIMIT },
  ];
  const notes: string[] = [];
  if (failures) notes.push(`${failures} of ${done} cycles failed (first: ${firstError}).`);
  if (done < p.cycles) notes.push(`Only ${done} of ${p.cycles} cycles ran within the ${p.budgetSec} s budget of this figure (the machine was busy); growth is still given per 1,000 cycles.`);
  notes.push(
    `The server's RSS includes the embedded in-memory database (PGlite): every join writes an audit row (${end.auditRows - start.auditRows} rows added), so some RSS growth is data, not a leak; the JS heap after a forced GC is the leak indicator. Worker RSS: ${fmt.mb(start.workerRss)} at start, ${fmt.mb(end.workerRss)} at the end (${workerGrowth >= 0 ? '+' : ''}${fmt.mb(workerGrowth)} per 1,000 cycles after warm-up); glibc keeps freed memory, so RSS rarely returns to its start.`,
  );
  return {
    status: 'ok',
    method: [
      `The real app in its own process (2 mediasoup workers, in-memory PGlite, Node with --expose-gc). ${p.lanes} lanes run cycles in parallel, each on its own consultation; a cycle is: two fresh sockets (the expert and the kiosk) connect; each joins the room, creates send and receive WebRtcTransports (on the workers' WebRtcServers), connects the receive transport, declares ready, sends audio and video producers and resumes the consumers it is offered; then one sends \`room.leave\` (alternating which) and both sockets disconnect, so the room closes when empty. ${done} cycles in ${seconds.toFixed(0)} s.`,
      `Samples at the start, after ${p.warmup} warm-up cycles, every ${p.sampleEvery} cycles and 2 s after the end, each after two forced GCs in the server: server RSS (/proc/<pid>/status VmRSS) and heap used, the workers' RSS, open UDP sockets and fds of the server and worker processes (/proc/<pid>/fd matched against /proc/net/udp), and from the server the rooms, routers (worker dump), router transports and WebRtcServer transports. Growth is given per 1,000 cycles from the warm-up sample to the end.`,
    ],
    headline: [
      `After ${done} join/leave cycles: ${end.rooms} rooms, ${end.routers} routers, ${end.transports + end.webRtcServerTransports} transports left; UDP sockets ${start.udp} → ${end.udp}; server heap after GC ${fmt.mb(start.heapUsed)} → ${fmt.mb(end.heapUsed)} (${heapGrowth >= 0 ? '+' : ''}${fmt.mb(heapGrowth)} per 1,000 cycles after warm-up); server RSS ${fmt.mb(start.serverRss)} → ${fmt.mb(end.serverRss)} (${rssGrowth >= 0 ? '+' : ''}${fmt.mb(rssGrowth)} per 1,000); workers' RSS ${fmt.mb(start.workerRss)} → ${fmt.mb(end.workerRss)}.`,
    ],
    goals,
    tables: [
      {
        title: 'Samples (after forced GC)',
        columns: ['cycles', 'server RSS', 'server heap', 'workers RSS', 'UDP sockets', 'open fds', 'rooms', 'routers', 'transports', 'audit rows'],
        rows: samples.map((s) => [s.cycles, fmt.mb(s.serverRss), fmt.mb(s.heapUsed), fmt.mb(s.workerRss), s.udp, s.fds, s.rooms, s.routers, s.transports + s.webRtcServerTransports, s.auditRows]),
      },
    ],
    notes,
    data: { samples, failures, seconds },
  };
});
