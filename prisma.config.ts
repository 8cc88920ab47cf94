import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { cliAdapter } from './prisma/cli-adapter';

// Prisma 6.19's CLI normally downloads a native schema engine, which cannot be fetched offline.
// engine "js" runs the CLI (format, generate, migrate diff/dev/status) on the wasm engine bundled in
// the npm package instead, talking to PostgreSQL through a driver adapter.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: cliAdapter,
});
