// Types for redis.mjs, so TypeScript tests can start a private Redis.
export interface RunningRedis {
  port: number;
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}
export const REDIS_SERVER: string;
export function ensureRedis(): Promise<string>;
export function startRedis(opts?: { port?: number; log?: (message: string) => void }): Promise<RunningRedis>;
