import 'server-only';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { runbooksDir } from './catalog';
import { type CompiledRunbook, compileRunbook } from './compile';

/**
 * One runbook, compiled, cached by file path and mtime + size: an edited file is compiled again on
 * its next request, an unchanged one never. Compiling takes tens of milliseconds, so concurrent
 * requests share one compilation (the cache holds the promise). A failed compilation is cached too,
 * until the file changes.
 */

export type LoadedRunbook = CompiledRunbook & { slug: string; file: string; source: string };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KEY = Symbol.for('vigil.runbook-compiled');
const store = globalThis as unknown as Record<
  symbol,
  Map<string, { version: string; compiled: Promise<LoadedRunbook> }> | undefined
>;

/** The runbook `runbooks/<slug>.mdx` (from `dir` in tests), or undefined when there is no such file. */
export async function loadRunbook(
  slug: string,
  dir: string = runbooksDir(),
): Promise<LoadedRunbook | undefined> {
  if (!SLUG.test(slug)) return undefined;
  const full = path.join(dir, `${slug}.mdx`);
  let version: string;
  try {
    const s = await stat(full);
    version = `${s.mtimeMs}:${s.size}`;
  } catch {
    return undefined;
  }
  store[KEY] ??= new Map();
  const cache = store[KEY];
  const hit = cache.get(full);
  if (hit?.version === version) return hit.compiled;
  const file = `runbooks/${slug}.mdx`;
  const compiled = readFile(full, 'utf8').then(async (source) => ({
    ...(await compileRunbook(file, source)),
    slug,
    file,
    source,
  }));
  // Keep the rejection handled here; callers still see it through the returned promise.
  compiled.catch(() => {});
  cache.set(full, { version, compiled });
  return compiled;
}
