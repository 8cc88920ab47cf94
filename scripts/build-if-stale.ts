import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** Written after a build this script ran: the digest of the sources it was started on. */
const STAMP = '.next/vigil-sources.sha256';

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .filter((name) => name !== 'generated')
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

/**
 * One digest of every source file's path and content. Content, not modification times: a file saved
 * while a build ran is older than the build's end but was not built (the demo then served code that
 * was not what the tree held). About 1,200 files: tens of milliseconds.
 */
export function sourcesDigest(roots: readonly string[] = SOURCES): string {
  const hash = createHash('sha256');
  for (const file of roots.flatMap(files))
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/**
 * Runs `next build` unless .next holds a build this script made from exactly these sources. A build
 * made another way (`npm test`'s) has no stamp, so the demo builds once more rather than guess.
 */
export function buildIfStale(log: (line: string) => void): void {
  const digest = sourcesDigest();
  if (existsSync('.next/BUILD_ID') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) {
    log('using the existing production build (.next)');
    return;
  }
  log('building the console (next build)…');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('next build failed (see above)');
  // The digest taken before the build: an edit made while it ran makes the next start build again.
  writeFileSync(STAMP, digest);
}
