// Types for haproxy.mjs, so TypeScript tests can put HAProxy in front of several nodes.
export interface ClusterNode {
  name: string;
  host?: string;
  port: number;
}
export interface RunningHaproxy {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}
export const HAPROXY: string;
export function ensureHaproxy(): Promise<string>;
export function haproxyConfig(opts: { bind: string; nodes: ClusterNode[]; checkIntervalMs?: number }): string;
export function startHaproxy(opts: { port: number; host?: string; nodes: ClusterNode[]; checkIntervalMs?: number; log?: (message: string) => void }): Promise<RunningHaproxy>;
