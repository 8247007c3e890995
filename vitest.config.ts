import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that need Java (DynamoDB Local on the embedded stack), a browser, or a CDK synth. Everything
 * else is the `unit` project, which runs with no JVM and no browser: `npm run test:unit`.
 * A new test that starts the embedded stack is named `*.dynamo.test.ts` or lives in one of these folders.
 */
const INTEGRATION = [
  'tests/integration/**/*.test.ts',
  'tests/infra/**/*.test.ts',
  'tests/local/**/*.test.ts',
  'tests/audit/ledgerAudit.test.ts',
  'tests/audit/brandPointsLedger.test.ts',
  'tests/audit/replayReport.test.ts',
  'tests/**/*.dynamo.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Integration tests each start an embedded stack (a JVM); two at a time suits two cores.
    maxWorkers: 2,
    setupFiles: ['tests/setup/promiseWithResolvers.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...INTEGRATION] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION } },
    ],
  },
});
