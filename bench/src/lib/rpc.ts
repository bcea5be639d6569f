import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Request/response over Node's IPC channel between the bench and its helper processes (load
 * generators, receivers, the app server). Both sides share one TypeScript interface per helper, so
 * a call is typed end to end; the channel itself carries plain JSON.
 */
export type Api = Record<string, (arg: never) => unknown>;
type Arg<F> = F extends (arg: infer A) => unknown ? A : never;
type Result<F> = F extends (arg: never) => infer R ? Awaited<R> : never;
/** What a helper implements: the same methods, each free to answer asynchronously. */
export type Handlers<A extends Api> = { [K in keyof A]: (arg: Arg<A[K]>) => Result<A[K]> | Promise<Result<A[K]>> };

interface RpcRequest {
  rpc: number;
  method: string;
  arg: unknown;
}
interface RpcReply {
  rpc: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

const isRequest = (m: unknown): m is RpcRequest => typeof m === 'object' && m !== null && 'rpc' in m && 'method' in m;
const isReply = (m: unknown): m is RpcReply => typeof m === 'object' && m !== null && 'rpc' in m && 'ok' in m;

/** In the helper process: answer calls; `shutdown` runs `onShutdown` and exits. Exits when the parent goes away. */
export function serveRpc<A extends Api>(handlers: Handlers<A>, onShutdown: () => Promise<void> | void = () => undefined): void {
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await onShutdown();
    } finally {
      process.exit(code);
    }
  };
  process.on('message', (msg: unknown) => {
    if (!isRequest(msg)) return;
    if (msg.method === 'shutdown') {
      process.send?.({ rpc: msg.rpc, ok: true, result: null });
      void stop(0);
      return;
    }
    const handler = (handlers as unknown as Record<string, ((arg: unknown) => unknown) | undefined>)[msg.method];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown method ${msg.method}`);
        return handler(msg.arg);
      })
      .then(
        (result) => process.send?.({ rpc: msg.rpc, ok: true, result: result ?? null }),
        (err: unknown) => process.send?.({ rpc: msg.rpc, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
  });
  process.on('disconnect', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.send?.({ ready: true });
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kill every helper this process started (by pid) when it exits, whatever the reason. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of live) if (c.pid && c.exitCode === null) process.kill(c.pid, 'SIGKILL');
  });
}

export const TSX_LOADER = import.meta.resolve('tsx');

export interface StartOptions {
  name: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

/** A helper process running a TypeScript file (through tsx) that serves `A` over IPC. */
export class RpcChild<A extends Api> {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private exited = false;

  private constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    proc.on('message', (msg: unknown) => {
      if (!isReply(msg)) return;
      const p = this.pending.get(msg.rpc);
      if (!p) return;
      this.pending.delete(msg.rpc);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`${name}: ${msg.error ?? 'failed'}`));
    });
    proc.on('exit', (code, signal) => {
      this.exited = true;
      live.delete(proc);
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`${name} exited (${signal ?? code}) during a call`));
      }
      this.pending.clear();
    });
  }

  static start<A extends Api>(file: string, opts: StartOptions): Promise<RpcChild<A>> {
    installExitHook();
    const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', TSX_LOADER, file, ...(opts.args ?? [])], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...opts.env },
    });
    live.add(proc);
    const child = new RpcChild<A>(opts.name, proc);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`${opts.name} did not start within ${opts.readyTimeoutMs ?? 60_000} ms`));
      }, opts.readyTimeoutMs ?? 60_000);
      const onMessage = (m: unknown) => {
        if (typeof m === 'object' && m !== null && 'ready' in m) {
          clearTimeout(timer);
          proc.off('message', onMessage);
          resolve(child);
        }
      };
      proc.on('message', onMessage);
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${opts.name} exited (${signal ?? code}) before it was ready`));
      });
    });
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  call<K extends keyof A & string>(method: K, arg: Arg<A[K]>, timeoutMs = 120_000): Promise<Result<A[K]>> {
    if (this.exited) return Promise.reject(new Error(`${this.name} is not running`));
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}.${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.proc.send({ rpc: id, method, arg });
    });
  }

  /** Ask it to clean up and exit; SIGKILL (by pid) if it has not exited after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.proc.send({ rpc: ++this.seq, method: 'shutdown', arg: null });
    const timer = setTimeout(() => this.kill(), graceMs);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (!this.exited && this.proc.pid) process.kill(this.proc.pid, 'SIGKILL');
  }
}
