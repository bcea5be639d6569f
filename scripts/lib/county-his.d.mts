// Types for county-his.mjs, so TypeScript tests can start the simulator as the scripts do.
import type { RestartOptions } from './orthanc.mjs';

export interface RunningCountyHis {
  /** FHIR base URL (`http://127.0.0.1:<port>/fhir`). */
  url: string;
  /** The current simulator process. */
  readonly pid: number | undefined;
  /** How many times the supervisor restarted it after it died. */
  restarts(): number;
  stop(): Promise<void>;
}
export function freePort(): Promise<number>;
export function startCountyHisProcess(opts?: { port?: number; stdio?: 'inherit' | 'ignore' | 'pipe'; log?: (message: string) => void; restart?: RestartOptions }): Promise<RunningCountyHis>;
