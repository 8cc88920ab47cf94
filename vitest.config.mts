import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; the modules it guards are tested in Node.
  'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          // next-auth imports `next/server` without an extension, which Node's ESM loader refuses; run
          // through Vite's resolver, lib/auth/auth-log.test.ts can drive Auth.js's real handlers.
          server: { deps: { inline: ['next-auth'] } },
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts?(x)'],
          exclude: ['**/*.integration.test.ts', 'node_modules/**'],
          // Property tests run thousands of cases; on two loaded cores one took 4.2 s against the
          // default 5 s, so the default would make them fail by load, not by a bug.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['**/*.integration.test.ts'],
          exclude: ['node_modules/**', '.next/**'],
          // Real servers (PostgreSQL, Prometheus, Alertmanager) start once per file; give them time.
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // npm run test:faults: each file starts its own real stack and the built console (.next), then
          // breaks an upstream. One file at a time: two cores, and timings are part of what is asserted.
          name: 'faults',
          environment: 'node',
          include: ['e2e/faults/**/*.faults.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
