import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AckSchema, REQUEST_EVENT } from '@cloudclinic/shared';
import { AppError } from '../lib/errors';
import { Dispatcher } from './dispatcher';
import { withClientParams } from './media-params';

const catalogue = {
  'test.echo': { req: z.object({ n: z.number().int() }), res: z.object({ n: z.number() }) },
  'test.bug': { req: z.object({}), res: z.object({ id: z.string() }) },
  'test.refused': { req: z.object({}), res: z.object({}) },
  'test.params': { req: z.object({}), res: z.object({}) },
};

describe('Dispatcher', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  let httpServer: http.Server;
  let io: Server;
  let client: ClientSocket;

  beforeAll(async () => {
    httpServer = http.createServer();
    io = new Server(httpServer);
    io.on('connection', (socket) => {
      const d = new Dispatcher(socket, pino({ level: 'info' }, sink).child({ socketId: socket.id, userId: 'u-test' }), { ratePerSecond: 100, burst: 100 });
      d.register(catalogue, {
        'test.echo': ({ n }) => ({ n }),
        'test.bug': () => {
          const record: Record<string, { id: string } | undefined> = {};
          return { id: record['missing']!.id }; // a handler bug: TypeError
        },
        'test.refused': () => {
          throw new AppError('forbidden', 'no');
        },
        'test.params': () => withClientParams('dtlsParameters', () => Promise.reject(new TypeError('invalid fingerprint'))),
      });
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    client = connect(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  });
  afterAll(async () => {
    client.close();
    await new Promise<void>((resolve) => {
      void io.close(() => resolve());
    });
  });

  const request = async (method: string, data?: unknown) => AckSchema.parse(await client.timeout(5000).emitWithAck(REQUEST_EVENT, { method, data }));

  it('answers a valid request and refuses invalid data as bad_request', async () => {
    expect(await request('test.echo', { n: 3 })).toEqual({ ok: true, data: { n: 3 } });
    expect(await request('test.echo', { n: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await request('nope', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('a TypeError in a handler is internal, logged with the socket and user id, never bad_request', async () => {
    const before = lines.length;
    const ack = await request('test.bug', {});
    expect(ack).toEqual({ ok: false, error: { code: 'internal', message: 'Internal server error' } });
    const logged = lines.slice(before).find((l) => l['msg'] === 'request failed');
    expect(logged).toMatchObject({ method: 'test.bug', userId: 'u-test', socketId: client.id, err: { type: 'TypeError' } });
  });

  it('AppErrors keep their code; parameters mediasoup rejects are bad_request, unlogged', async () => {
    const before = lines.length;
    expect(await request('test.refused', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await request('test.params', {})).toMatchObject({ ok: false, error: { code: 'bad_request', message: 'Invalid dtlsParameters: invalid fingerprint' } });
    expect(lines.slice(before).filter((l) => l['msg'] === 'request failed')).toEqual([]);
  });

  it('answers unknown events that carry an ack with bad_request', async () => {
    const raw: unknown = await client.timeout(5000).emitWithAck('hello', { x: 1 });
    expect(AckSchema.parse(raw)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
