// Types for orthanc.mjs, so TypeScript tests can start the embedded PACS.
export interface RunningOrthanc {
  port: number;
  restUrl: string;
  /** DICOMweb base URL with the generated basic-auth credentials in its user info. */
  dicomwebUrl: string;
  /** `Basic …` header value for the generated user. */
  authorization: string;
  pid: number | undefined;
  stop(): Promise<unknown>;
}

export const ORTHANC_BIN: string;
export function findDicomwebPlugin(): string | null;
export function ensureOrthanc(): Promise<{ bin: string; plugin: string }>;
export function freePort(): Promise<number>;
export function startOrthanc(opts: { storageDir: string; port?: number; name?: string; log?: (message: string) => void }): Promise<RunningOrthanc>;
export function seedPacs(dicomwebUrl: string): Promise<void>;
export function startEmbeddedPacs(opts: { storageDir: string; port?: number; log?: (message: string) => void }): Promise<RunningOrthanc>;
