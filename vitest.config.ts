import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Compiling clients with tsc and driving a browser take seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
