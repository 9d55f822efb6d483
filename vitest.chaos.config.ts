// The fault-injection suite (`npm run test:chaos`): property-based fuzzing and
// crash/kill scenarios against real nats-server processes. Kept apart from
// `npm test` because it is slower; bounded so it stays under a few minutes on 2 cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/chaos/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
