import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded';
import { applyMigrations, MigrationError, readMigrations } from './migrate';

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');

let server: EmbeddedDatabase;
let dataDir: string;
let counter = 0;

/** A fresh, empty database on the test server. */
async function emptyDatabase(): Promise<string> {
  const name = `migrate_test_${++counter}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return server.url.replace(/\/vigil$/, `/${name}`);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-migrate-'));
  server = await startEmbeddedPostgres(dataDir);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('applyMigrations against a real PostgreSQL', () => {
  it('creates every table on an empty database, and re-applying is a no-op', async () => {
    const url = await emptyDatabase();
    const all = readMigrations(MIGRATIONS).map((m) => m.name);
    expect(await applyMigrations(url, MIGRATIONS)).toEqual(all);

    const tables = (
      await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    ).map((r) => r.tablename);
    for (const table of [
      'users',
      'api_tokens',
      'acknowledgements',
      'silence_records',
      'alert_events',
      'incidents',
      'incident_alerts',
      'timeline_events',
      'notes',
      'runbook_step_progress',
      'escalation_policies',
      'escalation_levels',
      'notifications',
      'postmortems',
      'action_items',
      'audit_log',
      '_prisma_migrations',
    ])
      expect(tables).toContain(table);

    expect(await applyMigrations(url, MIGRATIONS)).toEqual([]);
    const rows = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM "_prisma_migrations"');
    expect(Number(rows[0]?.n)).toBe(all.length);
  });

  it('applies once when several instances start at the same moment', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(url, MIGRATIONS)));
    const applied = results.flat();
    expect(applied).toEqual(readMigrations(MIGRATIONS).map((m) => m.name));
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
  });

  it('rolls a failing migration back completely and records nothing for it', async () => {
    const url = await emptyDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-bad-migrations-'));
    mkdirSync(path.join(dir, '1_good'));
    writeFileSync(path.join(dir, '1_good', 'migration.sql'), 'CREATE TABLE good (id int);');
    mkdirSync(path.join(dir, '2_bad'));
    writeFileSync(
      path.join(dir, '2_bad', 'migration.sql'),
      'CREATE TABLE half (id int);\nSELECT * FROM missing_table;',
    );
    await expect(applyMigrations(url, dir)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(url, dir)).rejects.toThrow(/2_bad failed and was rolled back/);
    const tables = (
      await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    ).map((r) => r.tablename);
    expect(tables).toContain('good');
    expect(tables).not.toContain('half');
    const names = (
      await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"')
    ).map((r) => r.migration_name);
    expect(names).toEqual(['1_good']);
    rmSync(dir, { recursive: true, force: true });
  });
});
