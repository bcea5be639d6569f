import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { REQUEST_EVENT, RequestEnvelopeSchema, type Ack } from '@cloudclinic/shared';
import { AppError, toAppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { issuesOf } from '../lib/validation';
import type { PacketVerdict } from './flood-guard';
import { TokenBucket } from './rate-limiter';

export interface RequestSpec {
  req: z.ZodType;
  res: z.ZodType;
}

export type Handler<S extends RequestSpec> = (data: z.infer<S['req']>) => Promise<z.input<S['res']>> | z.input<S['res']>;

export type HandlerTable<C extends Record<string, RequestSpec>> = { [M in keyof C]: Handler<C[M]> };

type AnyHandler = (data: unknown) => Promise<unknown> | unknown;

interface Registered {
  spec: RequestSpec;
  handler: AnyHandler;
}

export interface DispatcherOptions {
  /** Requests per second of this socket (on top of the user's packet budget). */
  ratePerSecond: number;
  burst: number;
  /** The user's packet budget: asked for every incoming packet, whatever its event name. */
  admitPacket?: () => PacketVerdict;
}

/**
 * Per-socket request router: every request is `{ method, data }` with an ack; the method must be in a
 * registered catalogue and its data must match the catalogue's schema. Always acks
 * `{ ok: true, data } | { ok: false, error }`; never throws into socket.io. Every incoming packet
 * (unknown events and requests without an ack included) first passes the user's budget; a socket
 * that keeps flooding is disconnected.
 */
export class Dispatcher {
  private readonly table = new Map<string, Registered>();
  private readonly bucket: TokenBucket;

  constructor(
    private readonly socket: Socket,
    private readonly log: Logger,
    opts: DispatcherOptions,
  ) {
    this.bucket = new TokenBucket(opts.ratePerSecond, opts.burst);
    const admit = opts.admitPacket ?? (() => 'ok' as const);
    socket.use((packet, next) => {
      const last: unknown = packet[packet.length - 1];
      const ack = packet.length > 1 && typeof last === 'function' ? (last as (a: Ack) => void) : null;
      const verdict = admit();
      if (verdict !== 'ok') {
        ack?.(fail(new AppError('rate_limited', 'Too many messages; slow down')));
        if (verdict === 'disconnect') {
          this.log.warn({ socketId: socket.id }, 'socket disconnected for flooding');
          socket.disconnect(true);
        }
        return;
      }
      if (packet[0] !== REQUEST_EVENT) {
        ack?.(fail(new AppError('bad_request', `Unknown event ${String(packet[0]).slice(0, 64)}`)));
        return;
      }
      next();
    });
    socket.on(REQUEST_EVENT, (envelope: unknown, ack: unknown) => void this.onRequest(envelope, ack));
  }

  register<C extends Record<string, RequestSpec>>(catalogue: C, handlers: HandlerTable<C>): void {
    for (const method of Object.keys(catalogue)) {
      const spec = catalogue[method];
      const handler = handlers[method] as AnyHandler | undefined;
      if (spec && handler) this.table.set(method, { spec, handler });
    }
  }

  private async onRequest(envelope: unknown, ack: unknown): Promise<void> {
    if (typeof ack !== 'function') return; // nobody to answer
    const reply = ack as (a: Ack) => void;
    if (!this.bucket.take()) return reply(fail(new AppError('rate_limited', 'Too many requests; slow down')));
    const env = RequestEnvelopeSchema.safeParse(envelope);
    if (!env.success) return reply(fail(new AppError('bad_request', 'Malformed request envelope', { issues: issuesOf(env.error) })));
    const entry = this.table.get(env.data.method);
    if (!entry) return reply(fail(new AppError('bad_request', `Unknown method ${env.data.method}`)));
    const data = entry.spec.req.safeParse(env.data.data);
    if (!data.success) return reply(fail(new AppError('bad_request', `Invalid data for ${env.data.method}`, { issues: issuesOf(data.error) })));
    try {
      const result = await entry.handler(data.data);
      reply({ ok: true, data: result ?? {} });
    } catch (err) {
      const appErr = knownError(err) ?? toAppError(err);
      if (appErr.code === 'internal') this.log.error({ err, method: env.data.method, socketId: this.socket.id }, 'request failed');
      reply(fail(appErr));
    }
  }
}

function fail(err: AppError): Ack {
  return { ok: false, error: err.toBody() };
}

/**
 * mediasoup's InvalidStateError: the object (transport, producer, the worker's channel) closed
 * under the request, a race with a leave or a worker restart. Anything else not an AppError —
 * TypeErrors included — is a server bug: `internal`, logged. (Parameters mediasoup validates are
 * checked where they are passed: see media-params.ts.)
 */
function knownError(err: unknown): AppError | null {
  if (err instanceof AppError) return null;
  if (err instanceof Error && err.name === 'InvalidStateError') return new AppError('invalid_state', err.message.slice(0, 300));
  return null;
}
