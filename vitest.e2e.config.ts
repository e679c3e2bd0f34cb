import { defineConfig } from 'vitest/config';

/** Browser tests: the bot in the real Teams client emulator, driven in headless Chromium. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
