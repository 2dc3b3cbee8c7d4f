import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file: migrations run through app/.server/cli/migrate.ts (see docs/decisions/002).
export default defineConfig({
  schema: 'prisma/schema.prisma',
});
