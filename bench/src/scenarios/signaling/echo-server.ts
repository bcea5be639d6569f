import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serveRpc, type Handlers } from '../../lib/rpc';
import type { EchoServerApi } from './signaling-api';

/**
 * Baseline for the signaling figure: socket.io 4.8.4 with the same server options as CloudClinic's
 * (socket-server.ts) and nothing else — no handshake auth, no dispatcher, no validation, no rate
 * limit. Every `request` is acked `{ ok: true, data: {} }`.
 */
const httpServer = http.createServer();
const io = new Server(httpServer, { path: '/socket.io', serveClient: false, maxHttpBufferSize: 256 * 1024, pingInterval: 5_000, pingTimeout: 5_000 });
io.on('connection', (socket) => {
  socket.on('request', (_envelope: unknown, ack: unknown) => {
    if (typeof ack === 'function') ack({ ok: true, data: {} });
  });
});
await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
const { port } = httpServer.address() as AddressInfo;

const handlers: Handlers<EchoServerApi> = { info: () => ({ url: `http://localhost:${port}`, pid: process.pid }) };
serveRpc<EchoServerApi>(handlers, async () => {
  io.disconnectSockets(true);
  await new Promise<void>((resolve) => io.close(() => resolve()));
});
