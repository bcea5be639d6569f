// Types for orthanc.mjs, so TypeScript tests can start the embedded PACS.
export interface RunningOrthanc {
  port: number;
  restUrl: string;
  /** DICOMweb base URL with the generated basic-auth credentials in its user info. */
  dicomwebUrl: string;
  /** `Basic …` header value for the generated user. */
  authorization: string;
  /** The current guard process (its group holds Orthanc). */
  readonly pid: number | undefined;
  /** The Orthanc process itself, or null while it is being restarted. */
  orthancPid(): number | null;
  /** How many times the supervisor restarted Orthanc after it died. */
  restarts(): number;
  stop(): Promise<unknown>;
}

export const ORTHANC_BIN: string;
export function findDicomwebPlugin(): string | null;
export function ensureOrthanc(): Promise<{ bin: string; plugin: string }>;
export function freePort(): Promise<number>;
export interface RestartOptions {
  initialDelayMs?: number;
  maxDelayMs?: number;
  stableMs?: number;
}
export function startOrthanc(opts: { storageDir: string; port?: number; name?: string; log?: (message: string) => void; restart?: RestartOptions }): Promise<RunningOrthanc>;
export function seedPacs(dicomwebUrl: string): Promise<void>;
export function startEmbeddedPacs(opts: { storageDir: string; port?: number; log?: (message: string) => void }): Promise<RunningOrthanc>;
