import { defineConfig } from 'prisma/config';

// Used by `prisma generate` (and `prisma migrate deploy` where the native engine exists).
// At runtime the server applies migrations itself through the WASM schema engine.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/cloudclinic' },
});
