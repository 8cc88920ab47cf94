import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Real Loki 2.8 responses (see fixtures/index.json for the request behind each file), read by the
 * schema tests and served by the replay server. Resolved from the repository root, like the rest of
 * the project's file paths (tests, Playwright and scripts all run there).
 */
export const FIXTURES_DIR = path.join(process.cwd(), 'lib', 'loki', 'fixtures');

/** The parsed JSON body of a recording, e.g. readJsonFixture('labels.json') → {status, data}. */
export function readJsonFixture(file: string): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, file), 'utf8'));
}

/** The body of a recording exactly as Loki sent it, e.g. readTextFixture('ready.txt') → "ready\n". */
export function readTextFixture(file: string): string {
  return readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
}
