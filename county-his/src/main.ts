import { loadHisEnv } from './config';
import { startCountyHis } from './server';

/** `tsx src/main.ts`: the county HIS as its own process (HIS_PORT, HIS_HOST, HIS_API_TOKEN). */
async function main(): Promise<void> {
  const env = loadHisEnv();
  const his = await startCountyHis({
    port: env.HIS_PORT,
    host: env.HIS_HOST,
    ...(env.HIS_API_TOKEN ? { token: env.HIS_API_TOKEN } : {}),
    ...(env.HIS_SEED ? { seed: env.HIS_SEED } : {}),
    ...(env.HIS_AS_OF ? { asOf: env.HIS_AS_OF } : {}),
  });
  console.log(`county HIS (FHIR R4) listening at ${his.url}${env.HIS_API_TOKEN ? ' (bearer token required)' : ''}`);
  const stop = (signal: string) => {
    console.log(`county HIS: ${signal}, closing`);
    his.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
