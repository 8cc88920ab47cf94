import 'server-only';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseRunbookSource, RunbookFormatError } from './frontmatter';
import { buildRunbookLinks, type RunbookLinks } from './link';
import { type RunbookMeta, searchableText } from './listing';

/**
 * The runbooks on disk, read at request time: adding or editing a file in runbooks/ needs no rebuild.
 * `next start` runs from the project folder, so runbooks/ is found from process.cwd() (the build does
 * not bundle it; a deployment copies the folder beside .next like package.json).
 *
 * Reading is synchronous because the alert index (lib/alerts/query.ts) is built synchronously once per
 * poll; it costs one readdir and one stat per file, and a file is parsed again only when its mtime or
 * size changes. A file with bad frontmatter is left out and reported in `problems`, so one broken
 * runbook does not take the others (or the alerts view) down.
 */

type RunbookProblem = { file: string; message: string };
type Catalog = { runbooks: RunbookMeta[]; problems: RunbookProblem[]; links: RunbookLinks };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function runbooksDir(): string {
  return path.join(process.cwd(), 'runbooks');
}

type Parsed = { version: string; result: RunbookMeta | RunbookProblem };
type DirCache = { files: Map<string, Parsed>; catalog?: Catalog; versions?: string };

const KEY = Symbol.for('vigil.runbook-catalog');
const store = globalThis as unknown as Record<symbol, Map<string, DirCache> | undefined>;

function dirCache(dir: string): DirCache {
  store[KEY] ??= new Map();
  let cache = store[KEY].get(dir);
  if (!cache) {
    cache = { files: new Map() };
    store[KEY].set(dir, cache);
  }
  return cache;
}

/** The file's metadata, or why it cannot be used. */
function readRunbookMeta(dir: string, name: string): RunbookMeta | RunbookProblem {
  const file = `runbooks/${name}`;
  const slug = name.replace(/\.mdx$/, '');
  if (!SLUG.test(slug))
    return { file, message: `${file}: the file name must be a lower-case slug such as instance-down.mdx` };
  try {
    const source = path.join(dir, name);
    const { frontmatter: f, body } = parseRunbookSource(
      file,
      readFileSync(/* turbopackIgnore: true */ source, 'utf8'),
    );
    return {
      slug,
      file,
      title: f.title,
      alerts: f.alerts,
      severity: f.severity,
      owner: f.owner,
      services: f.services,
      lastReviewed: f.last_reviewed,
      text: searchableText(body),
    };
  } catch (error) {
    if (error instanceof RunbookFormatError) return { file, message: error.message };
    return { file, message: `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})` };
  }
}

/** Every runbook in `dir` (default runbooks/), by title; the same object while no file changed. */
export function runbookCatalog(dir: string = runbooksDir()): Catalog {
  const cache = dirCache(dir);
  let names: string[];
  try {
    // Runbooks are read at run time, not bundled: without the hint Turbopack traces the whole project.
    names = readdirSync(/* turbopackIgnore: true */ dir)
      .filter((n) => n.endsWith('.mdx'))
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      runbooks: [],
      problems: [{ file: 'runbooks/', message: `runbooks/ cannot be read from ${dir} (${code})` }],
      links: buildRunbookLinks([]),
    };
  }
  const seen = new Set(names);
  for (const name of cache.files.keys()) if (!seen.has(name)) cache.files.delete(name);
  const versions: string[] = [];
  for (const name of names) {
    let version: string;
    try {
      const full = path.join(/* turbopackIgnore: true */ dir, name);
      const stat = statSync(/* turbopackIgnore: true */ full);
      version = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      continue; // Removed between readdir and stat.
    }
    versions.push(`${name}@${version}`);
    if (cache.files.get(name)?.version !== version)
      cache.files.set(name, { version, result: readRunbookMeta(dir, name) });
  }
  const key = versions.join('|');
  if (cache.catalog && cache.versions === key) return cache.catalog;
  const results = [...cache.files.values()].map((p) => p.result);
  const runbooks = results
    .filter((r): r is RunbookMeta => 'slug' in r)
    .sort((a, b) => a.title.localeCompare(b.title, 'en'));
  cache.catalog = {
    runbooks,
    problems: results.filter((r): r is RunbookProblem => !('slug' in r)),
    links: buildRunbookLinks(runbooks),
  };
  cache.versions = key;
  return cache.catalog;
}

/** The alert → runbook tables of the current runbooks (for the alert index). */
export function runbookLinks(): RunbookLinks {
  return runbookCatalog().links;
}
