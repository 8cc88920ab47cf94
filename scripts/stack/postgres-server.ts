import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the Debian and the embedded flavours both need to start a cluster. */
export interface PostgresServerInput {
  /** Our folder for this server; `data/` inside it becomes PGDATA. */
  dir: string;
  port: number;
  /** Superuser created by initdb; also the owner of the `vigil` database. */
  user: string;
  password: string;
  logFile: string;
}

/** A running PostgreSQL cluster, whichever way it was started. */
export interface PostgresServer {
  readonly kind: 'debian' | 'embedded';
  /** PID of the postmaster (a new one after start()). */
  readonly pid: number;
  readonly logFile: string;
  /** Fast shutdown (disconnect clients, then stop); resolves once the postmaster is gone. */
  stop(): Promise<void>;
  /**
   * Starts the stopped server again: same data, port and password. Resolves once it accepts
   * connections; does nothing while it runs. For tests of a database outage.
   */
  start(): Promise<void>;
  /** Immediate shutdown without waiting, for `process.on('exit')`. */
  killNow(): void;
}

// Throwaway data: durability buys nothing and costs seconds on every test run.
// TCP only: no Unix socket directory to own or clean up.
export const POSTGRES_SETTINGS = {
  listen_addresses: '127.0.0.1',
  unix_socket_directories: '',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
} as const;

/** The postmaster PID: the first line of PGDATA/postmaster.pid, which the server writes at start. */
export async function readPostmasterPid(dataDir: string): Promise<number> {
  const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no PID in ${join(dataDir, 'postmaster.pid')}`);
  return pid;
}
