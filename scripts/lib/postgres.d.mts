// Types for postgres.mjs, so TypeScript tests can create a scratch database.
export const DEFAULT_TEST_DATABASE_URL: string;
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}
export function createScratchDatabase(base?: string): Promise<ScratchDatabase>;
