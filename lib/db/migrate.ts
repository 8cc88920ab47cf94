import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * Applies the committed migrations in prisma/migrations, offline, without Prisma's CLI (which wants
 * to download a native engine). It keeps Prisma's own bookkeeping table `_prisma_migrations` with the
 * same columns and checksums (SHA-256 of migration.sql), so `prisma migrate status` and
 * `prisma migrate dev` keep working on a database migrated here.
 *
 * Safe when two instances start at once: both take the same session advisory lock Prisma Migrate uses
 * (72707369), so one applies and the other then finds nothing to do. Each migration runs in its own
 * transaction: PostgreSQL DDL is transactional, so a failed migration leaves no trace.
 */

const PRISMA_MIGRATE_LOCK = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/** Which migrations still need applying. Pure, so the refusal rules are unit-tested. */
export function pendingMigrations(all: Migration[], applied: AppliedRow[]): Migration[] {
  const failed = applied.find((r) => !r.finished_at && !r.rolled_back_at);
  if (failed)
    throw new MigrationError(
      `migration ${failed.migration_name} failed earlier and was not rolled back; fix the database, then mark it with \`npx prisma migrate resolve\``,
    );
  const done = new Map(applied.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
  for (const m of all) {
    const checksum = done.get(m.name);
    if (checksum && checksum !== m.checksum)
      throw new MigrationError(
        `migration ${m.name} was edited after it was applied; add a new migration instead`,
      );
  }
  return all.filter((m) => !done.has(m.name));
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function applyMigrations(
  databaseUrl: string,
  dir: string,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const all = readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const pending = pendingMigrations(all, rows);
    for (const m of pending) {
      log(`applying migration ${m.name}`);
      try {
        await client.query('BEGIN');
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new MigrationError(`migration ${m.name} failed and was rolled back: ${(e as Error).message}`);
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}
