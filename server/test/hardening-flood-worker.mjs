// A hostile client in its own thread (its own event loop, like an attacker on another machine):
// opens `sockets` sockets of one user and floods each with unknown events, requests without an ack
// and requests with one, until told to stop. Posts what happened to its sockets.
import { parentPort, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';

const { url, token, sockets: wanted } = workerData;
let stopping = false;
parentPort.once('message', () => (stopping = true));
const stats = { connected: 0, refused: 0, refusedCodes: [], disconnectedByServer: 0, sent: 0, rateLimitedAcks: 0 };

const open = () =>
  new Promise((resolve) => {
    const s = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    s.once('connect', () => {
      stats.connected += 1;
      s.once('disconnect', (reason) => {
        if (reason === 'io server disconnect') stats.disconnectedByServer += 1;
      });
      resolve(s);
    });
    s.once('connect_error', (err) => {
      stats.refused += 1;
      stats.refusedCodes.push(err.data?.code ?? err.message);
      s.close();
      resolve(null);
    });
  });

let live = (await Promise.all(Array.from({ length: wanted }, open))).filter(Boolean);
const opened = { connected: stats.connected, refused: stats.refused, refusedCodes: [...stats.refusedCodes] };
stats.reconnectAttempts = 0;
let lastReconnect = Date.now();
const payload = { x: 'y'.repeat(200) };
parentPort.postMessage({ flooding: true });
while (!stopping) {
  for (const s of live) {
    if (!s.connected) continue;
    for (let i = 0; i < 20; i++) {
      s.emit(`junk.${i}`, payload);
      s.emit('request', { method: 'room.leave', data: {} });
      s.emit('request', { method: 'room.leave', data: {} }, (ack) => {
        if (ack && ack.ok === false && ack.error?.code === 'rate_limited') stats.rateLimitedAcks += 1;
      });
      stats.sent += 3;
    }
  }
  // Thrown out: come straight back, again and again.
  if (Date.now() - lastReconnect > 300 && live.filter((s) => s.connected).length < wanted) {
    lastReconnect = Date.now();
    const missing = wanted - live.filter((s) => s.connected).length;
    stats.reconnectAttempts += missing;
    live = [...live.filter((s) => s.connected), ...(await Promise.all(Array.from({ length: missing }, open))).filter(Boolean)];
  }
  await new Promise((r) => setTimeout(r, 5));
}
// Try again after being thrown out: still refused for a while.
const again = await open();
stats.reconnectRefused = again === null;
again?.close();
for (const s of live) s.close();
parentPort.postMessage({ done: true, ...stats, opened });
