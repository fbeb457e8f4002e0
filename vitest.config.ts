import { defineConfig } from 'vitest/config';

// The PostgreSQL tests run on the local server unless told otherwise, as in CI: left out only when
// asked (TEST_DATABASE_URL=none), and then said, never silently.
const testDatabaseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
if (testDatabaseUrl === 'none') console.warn('\nTEST_DATABASE_URL=none: the PostgreSQL tests are LEFT OUT of this run; only SQLite is tested.\n');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    env: { TEST_DATABASE_URL: testDatabaseUrl },
    // Every server the tests start serves the widget as the build bundles it.
    globalSetup: ['test/widget/widget-bundle.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
