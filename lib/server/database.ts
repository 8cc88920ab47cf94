import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';

const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in dataDir, stopped when this process exits.
 * Then applies pending migrations (safe when several instances start at once, see lib/db/migrate.ts).
 */
export async function prepareDatabase(
  options: { databaseUrl?: string; dataDir: string },
  log: (line: string) => void,
): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  let embedded: EmbeddedDatabase | undefined;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(options.dataDir, log);
    url = embedded.url;
    if (embedded.owned) stopOnExit(embedded, options.dataDir);
    log(`DATABASE_URL is not set: using the embedded PostgreSQL in ${options.dataDir}/pg`);
  }
  const applied = await applyMigrations(url, MIGRATIONS_DIR, log);
  if (applied.length) log(`applied ${applied.length} migration(s)`);
  return { url, embedded };
}

function stopOnExit(db: EmbeddedDatabase, dataDir: string) {
  const shutdown = (signal: NodeJS.Signals) => {
    db.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Last resort when something else calls process.exit first: PostgreSQL does not die with its parent,
  // so signal the postmaster directly (SIGINT = fast shutdown), synchronously.
  process.once('exit', () => {
    try {
      const pid = Number(
        readFileSync(path.join(path.resolve(dataDir), 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      if (pid) process.kill(pid, 'SIGINT');
    } catch {
      // already stopped
    }
  });
}
