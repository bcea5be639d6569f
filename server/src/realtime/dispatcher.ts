import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { REQUEST_EVENT, RequestEnvelopeSchema, type Ack } from '@cloudclinic/shared';
import { AppError, toAppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { issuesOf } from '../lib/validation';
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
  ratePerSecond: number;
  burst: number;
}

/**
 * Per-socket request router: every request is `{ method, data }` with an ack; the method must be in a
 * registered catalogue and its data must match the catalogue's schema. Always acks
 * `{ ok: true, data } | { ok: false, error }`; never throws into socket.io.
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
    socket.on(REQUEST_EVENT, (envelope: unknown, ack: unknown) => void this.onRequest(envelope, ack));
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event === REQUEST_EVENT) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') ack(fail(new AppError('bad_request', `Unknown event ${String(event).slice(0, 64)}`)));
    });
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
      const appErr = mediasoupError(err) ?? toAppError(err);
      if (appErr.code === 'internal') this.log.error({ err, method: env.data.method, socketId: this.socket.id }, 'request failed');
      reply(fail(appErr));
    }
  }
}

function fail(err: AppError): Ack {
  return { ok: false, error: err.toBody() };
}

/** mediasoup rejects bad parameters with TypeError (and `UnsupportedError`): that is the caller's fault. */
function mediasoupError(err: unknown): AppError | null {
  if (err instanceof AppError) return null;
  if (err instanceof TypeError || (err instanceof Error && err.name === 'UnsupportedError')) {
    return new AppError('bad_request', err.message.slice(0, 300));
  }
  if (err instanceof Error && err.name === 'InvalidStateError') return new AppError('invalid_state', err.message.slice(0, 300));
  return null;
}
