// Types for supervisor.mjs.
export interface SupervisedInstance {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<unknown>;
}
export interface Supervised<T extends SupervisedInstance> {
  current(): T;
  restarts(): number;
  stop(): Promise<void>;
}
export function supervise<T extends SupervisedInstance>(opts: {
  name: string;
  launch: () => Promise<T>;
  log?: (message: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  stableMs?: number;
}): Promise<Supervised<T>>;
