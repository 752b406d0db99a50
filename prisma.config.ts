import { defineConfig } from 'prisma/config';

// Only `prisma generate` is used here; migrations are applied by scripts/migrate.ts
// (see docs/architecture.md). The URL is read lazily so generate works without one.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/casemark' },
});
