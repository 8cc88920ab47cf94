import path from 'node:path';
import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { cliEnv } from '@/lib/env';

/**
 * The database a command-line tool works on: DATABASE_URL, or the embedded PostgreSQL in
 * VIGIL_DATA_DIR (started for the command and stopped after it, unless a running console owns it).
 * Pending migrations are applied first, so the tools work on a fresh machine.
 */
export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const { databaseUrl, dataDir } = cliEnv();
  const embedded = databaseUrl ? undefined : await startEmbeddedPostgres(dataDir);
  const url = databaseUrl ?? embedded?.url;
  if (!url) throw new Error('no database');
  try {
    const applied = await applyMigrations(url, path.join(process.cwd(), 'prisma', 'migrations'));
    for (const name of applied) console.error(`applied migration ${name}`);
    return await fn(url);
  } finally {
    await embedded?.stop();
  }
}
