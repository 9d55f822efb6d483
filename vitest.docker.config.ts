// The docker-mode suite (`scripts/test-docker.sh`, which sets the engine up):
// natsgh's docker mode against a real Docker engine. One file at a time (vfs
// storage is disk-heavy); the controller image is built once for the run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/docker/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    globalSetup: ['test/support/global-setup.ts', 'test/docker/global-setup.ts'],
  },
});
