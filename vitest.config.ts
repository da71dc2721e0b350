import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{nodes,runtime,builder,plugins,examples,bench,bin}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start real servers and databases; two cores means two forks is the sweet spot.
    pool: 'forks',
  },
});
