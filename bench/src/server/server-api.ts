/** IPC contract of the app server process the bench drives (server/app-server.ts). */

export type ParticipantRole = 'expert' | 'patient_kiosk' | 'local_doctor' | 'field_doctor';

export interface ServerStats {
  rssBytes: number;
  heapUsedBytes: number;
  rooms: number;
  peers: number;
  routers: number;
  transports: number;
  webRtcServerTransports: number;
  workerPids: number[];
  auditRows: number;
}

export interface ServerApi extends Record<string, (arg: never) => unknown> {
  info(arg: null): { url: string; pid: number; workerPids: number[] };
  /** A consultation created directly in the database (as the integration tests do), with these participants. */
  createConsultation(arg: { participants: { username: string; role: ParticipantRole }[] }): { id: string };
  stats(arg: { gc: boolean }): ServerStats;
  /** Every route of the app's router stack (method, full path), for fuzzing. */
  routes(arg: null): { method: string; path: string }[];
}

export interface ServerOptions {
  workers: number;
  /** Serve client/dist (the built web client) on the same origin. */
  serveClient: boolean;
  logLevel?: string;
  /** The county HIS's FHIR base URL (HIS_FHIR_BASE_URL); none configured when absent. */
  hisUrl?: string;
  /** The county PACS's DICOMweb URL (PACS_DICOMWEB_URL); none configured when absent. */
  pacsUrl?: string;
  /** A PostgreSQL database (DATABASE_URL), migrated and seeded by this process; the embedded one when absent. */
  databaseUrl?: string;
  /** The token secret shared with other nodes of a cluster. */
  jwtSecret?: string;
  /** Keep the default per-account socket flood limits (the hardening figure); else they are opened wide for the load generators. */
  defaultLimits?: boolean;
}
