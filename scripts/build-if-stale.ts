import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = [
  'app',
  'components',
  'lib',
  'proxy.ts',
  'instrumentation.ts',
  'instrumentation-client.ts',
  'next.config.js',
  'package-lock.json',
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(entry).map((name) => (name === 'generated' ? 0 : newestMtime(path.join(entry, name)))),
  );
}

/** Runs `next build` unless .next holds a build newer than every source file. */
export function buildIfStale(log: (line: string) => void): void {
  const buildId = '.next/BUILD_ID';
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...SOURCES.map(newestMtime))) {
    log('using the existing production build (.next)');
    return;
  }
  log('building the console (next build)…');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('next build failed (see above)');
}
