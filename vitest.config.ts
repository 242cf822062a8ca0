import { defineConfig } from 'vitest/config';

// The same suite runs on PGlite (default) and on PostgreSQL when DATABASE_URL is set. Tests marked
// *.pg.test.ts need a real server (several app instances on one database) and run only there.
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: onPostgres ? [] : ['**/*.pg.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
