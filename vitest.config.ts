import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Compiling clients with tsc and driving a browser take seconds, not milliseconds. A fuzzing run (FUZZ_RUNS,
    // `npm run fuzz`) bounds each property by fast-check's own time limit (test/property/support/runs.ts) instead.
    testTimeout: process.env.FUZZ_RUNS ? 40 * 60_000 : 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
