import { defineConfig } from 'vitest/config';

/** Every level of test in one run (`npm test`); the slow ones run one file at a time. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'workflows', include: ['test/workflows/**/*.test.ts'] } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The same integration suite on the Lambda bundles CDK deploys (minified, keepNames…),
        // synthesized once from the real stack: what AWS runs, not only the sources.
        test: {
          name: 'integration-bundles',
          include: ['test/integration/**/*.test.ts'],
          // Store-level load tests call the repositories directly: no bundle would run in them.
          exclude: ['test/integration/dashboard-counters.test.ts'],
          globalSetup: ['test/support/bundles-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
