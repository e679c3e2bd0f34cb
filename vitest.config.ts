import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser tests have their own command: npm run test:e2e (vitest.e2e.config.ts).
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Generous: a fresh embedded database takes 10-40 s to set up on a busy shared machine.
    testTimeout: 60_000,
  },
});
