/** IPC contracts of the signaling load generator and the bare socket.io echo server. */

export interface LatencyRun {
  samplesMs: number[];
  errors: number;
  rateLimited: number;
  /** Sockets the server dropped since the previous call (e.g. missed heartbeats). */
  disconnects: number;
}

export interface ThroughputRun {
  ok: number;
  errors: number;
  rateLimited: number;
  seconds: number;
  disconnects: number;
}

export interface LoadClientApi extends Record<string, (arg: never) => unknown> {
  /** Open `count` more sockets (websocket transport) with this access token. */
  connect(arg: { url: string; token: string; count: number }): { connected: number; failed: number };
  /** Open-loop requests at `ratePerSec` (round-robin over the sockets) for `durationMs`. */
  latency(arg: { ratePerSec: number; durationMs: number; method: string }): LatencyRun;
  /** Closed loop: every socket keeps one request outstanding; completions counted after `warmupMs`. */
  throughput(arg: { durationMs: number; warmupMs: number; method: string }): ThroughputRun;
  closeAll(arg: null): void;
}

export interface EchoServerApi extends Record<string, (arg: never) => unknown> {
  info(arg: null): { url: string; pid: number };
}
