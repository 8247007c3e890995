import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Integration tests each start an embedded stack (a JVM); two at a time suits two cores.
    maxWorkers: 2,
    setupFiles: ['tests/setup/promiseWithResolvers.ts'],
  },
});
