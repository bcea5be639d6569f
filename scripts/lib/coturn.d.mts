// Types for coturn.mjs, so TypeScript tests can start a TURN relay.
export interface RunningCoturn {
  port: number;
  secret: string;
  urls: string[];
  pid: number | undefined;
  stop(): Promise<void>;
}
export function ensureCoturn(): Promise<string>;
export function startCoturn(opts?: { port?: number; secret?: string; log?: (message: string) => void }): Promise<RunningCoturn>;
