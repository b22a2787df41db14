import { defineConfig } from 'vitest/config';

/**
 * Three projects, one runner:
 * - unit: pure code (domain, i18n, readers), no database, no network;
 * - integration: routes, queries, imports and the CLI against a real database, PGlite unless
 *   DATABASE_URL points to a PostgreSQL server (scripts/test.js runs this project on both);
 * - e2e: the real server and Debian's Chromium, clicking through the screens.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          // A worker keeps the server's modules from one file to the next instead of loading them
          // again for each (about 5 s a file on CI's two cores, 42 files on each engine). Safe here:
          // every file opens its own database and app, no test mocks a module or sets the
          // environment, and the server's caches are keyed by the database or model they belong to.
          isolate: false,
          globalSetup: ['packages/server/src/testing/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 180_000,
          pool: 'forks',
          // One file at a time: each starts its own app, and two at once on CI's two cores made the
          // phone walk miss its 30-second waits (it failed twice that way). A file keeps a core busy
          // less than half its time (it mostly waits for the page), so two at once would be faster;
          // tried again with 90-second waits while other work loaded the machine, it timed out.
          maxWorkers: 1,
          fileParallelism: false,
          globalSetup: ['e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
