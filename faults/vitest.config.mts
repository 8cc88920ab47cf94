import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '..');
const alias = {
  '@': root,
  'server-only': path.resolve(root, 'lib/testing/server-only-stub.ts'),
};

/**
 * `npm run test:faults`: each file starts its own real stack and the built console (`.next`), then
 * breaks an upstream. One file at a time: two cores, and timings are part of what is asserted.
 */
export default defineConfig({
  root,
  resolve: { alias },
  test: {
    name: 'faults',
    environment: 'node',
    include: ['faults/**/*.faults.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
