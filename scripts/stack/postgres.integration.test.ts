import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePorts } from './ports.js';
import { startPostgres } from './postgres.js';
import { debianPostgresBin } from './postgres-debian.js';
import { isAlive } from './processes.js';

// Both flavours, so the fallback for machines without Debian's server stays working.
describe.each([
  { mode: 'debian' as const, available: debianPostgresBin() !== undefined },
  { mode: 'embedded' as const, available: true },
])('startPostgres($mode)', ({ mode, available }) => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), `vigil-pg-${mode}-`));
    // As startStack does: the server may run as `postgres` and must traverse it.
    await chmod(dir, 0o711);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.runIf(available)(
    'serves the vigil database to its URL and stops completely',
    async () => {
      const [port = 0] = await freePorts(1);
      const { server, databaseUrl } = await startPostgres({
        dir,
        port,
        logFile: join(dir, 'postgres.log'),
        mode,
      });
      try {
        expect(server.kind).toBe(mode);
        expect(databaseUrl).toMatch(
          new RegExp(`^postgresql://vigil:[0-9a-f]{32}@127\\.0\\.0\\.1:${port}/vigil$`),
        );
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        const { rows } = await client.query<{ db: string; superuser: string }>(
          "SELECT current_database() AS db, current_setting('is_superuser') AS superuser",
        );
        await client.end();
        // Superuser: Prisma's `migrate dev` creates and drops a shadow database.
        expect(rows[0]).toEqual({ db: 'vigil', superuser: 'on' });
        expect(isAlive(server.pid)).toBe(true);
      } finally {
        await server.stop();
      }
      expect(isAlive(server.pid)).toBe(false);
      expect(existsSync(join(dir, 'postgres', 'data', 'postmaster.pid'))).toBe(false);
    },
    60_000,
  );

  it.runIf(available)(
    'starts again after a stop, on the same URL with its data',
    async () => {
      const [port = 0] = await freePorts(1);
      const { server, databaseUrl } = await startPostgres({
        dir,
        port,
        logFile: join(dir, 'postgres.log'),
        mode,
      });
      const query = async (sql: string) => {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          return (await client.query(sql)).rows;
        } finally {
          await client.end();
        }
      };
      try {
        await query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
        const first = server.pid;
        await server.stop();
        expect(isAlive(first)).toBe(false);
        await expect(query('SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
        await server.start();
        expect(server.pid).not.toBe(first);
        expect(isAlive(server.pid)).toBe(true);
        expect(await query('SELECT n FROM kept')).toEqual([{ n: 42 }]);
        // Idempotent while it runs.
        await server.start();
      } finally {
        await server.stop();
      }
      expect(isAlive(server.pid)).toBe(false);
    },
    90_000,
  );
});
