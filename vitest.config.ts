import { defineConfig } from 'vitest/config';

// One runner for every workspace: unit tests beside the code, integration tests in apps/*/test
// against the real Postgres and Redis (each file isolates itself: own database, own key prefix).
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
