import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProcessNotReadyError } from './errors.js';
import { asPostgresUser, isRoot, run } from './exec.js';
import {
  POSTGRES_SETTINGS,
  type PostgresServer,
  type PostgresServerInput,
  readPostmasterPid,
} from './postgres-server.js';
import { isAlive, logExcerpt, signal, waitUntilGone } from './processes.js';

const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

/**
 * The bin/ folder of the newest Debian PostgreSQL server installed
 * (/usr/lib/postgresql/<major>/bin), or undefined when there is none.
 */
export function debianPostgresBin(): string | undefined {
  if (!existsSync(DEBIAN_POSTGRES_ROOT)) return undefined;
  const majors = readdirSync(DEBIAN_POSTGRES_ROOT)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(DEBIAN_POSTGRES_ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : join(DEBIAN_POSTGRES_ROOT, majors[0], 'bin');
}

/**
 * Starts a cluster with Debian's server binaries: initdb, then `pg_ctl start`.
 * As root, both run as the `postgres` system user (PostgreSQL refuses root),
 * which is why everything they touch is chowned to it.
 */
export async function startDebianPostgres(bin: string, input: PostgresServerInput): Promise<PostgresServer> {
  const { dir, port, user, password, logFile } = input;
  const dataDir = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  await writeFile(logFile, '');
  if (isRoot()) await chownToPostgres([dir, passwordFile, logFile]);

  const pg = (tool: string, args: string[], timeoutMs: number) =>
    run(...asPostgresUser(join(bin, tool), args), { timeoutMs });
  const fail = (step: string, output: string) =>
    new ProcessNotReadyError(
      'postgres',
      [logExcerpt(logFile)],
      new Error(`${step} failed:\n${output.trim()}`),
    );

  const init = await pg(
    'initdb',
    [
      '-D',
      dataDir,
      '-U',
      user,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C',
    ],
    60_000,
  );
  await appendFile(logFile, init.output);
  if (init.code !== 0) throw fail('initdb', init.output);

  const settings = Object.entries({ ...POSTGRES_SETTINGS, port: String(port) })
    .map(([key, value]) => `${key} = '${value}'`)
    .join('\n');
  await appendFile(join(dataDir, 'postgresql.conf'), `\n# vigil stack harness\n${settings}\n`);

  // -w: pg_ctl itself polls until the server accepts connections (or -t passes).
  const start = async () => {
    const started = await pg('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start'], 90_000);
    if (started.code !== 0) throw fail('pg_ctl start', started.output);
    return readPostmasterPid(dataDir);
  };
  let pid = await start();

  return {
    kind: 'debian',
    get pid() {
      return pid;
    },
    logFile,
    async start() {
      if (!isAlive(pid)) pid = await start();
    },
    async stop() {
      if (!isAlive(pid)) return;
      const stop = await pg('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop'], 60_000);
      if (stop.code !== 0) signal(pid, 'SIGKILL');
      await waitUntilGone(pid, 10_000, 'the PostgreSQL postmaster');
    },
    // SIGQUIT is PostgreSQL's immediate shutdown, what `pg_ctl stop -m immediate` sends.
    killNow: () => signal(pid, 'SIGQUIT'),
  };
}

async function chownToPostgres(paths: string[]): Promise<void> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  if (uid.code !== 0 || gid.code !== 0) {
    throw new ProcessNotReadyError(
      'postgres',
      [],
      new Error('there is no `postgres` system user to run the server as'),
    );
  }
  await Promise.all(paths.map((path) => chown(path, Number(uid.output), Number(gid.output))));
}
