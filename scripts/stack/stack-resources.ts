import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Teardown, trackForCleanup } from './cleanup-registry.js';
import { StackError } from './errors.js';
import type { PostgresServer } from './postgres-server.js';
import { type ManagedProcess, signal, stopProcess, waitUntilGoneSync } from './processes.js';

/** The folder inside the stack folder that holds every process's log. */
export const LOGS = 'logs';

/**
 * Everything one stack has started, so that a failure half-way through
 * startup, a normal stop and an exiting process all release the same things.
 */
export class StackResources implements Teardown {
  private readonly processes: ManagedProcess[] = [];
  private readonly clusterPeers: ManagedProcess[] = [];
  postgres: PostgresServer | undefined;
  private stopping: Promise<void> | undefined;
  private readonly untrack: () => void;

  constructor(
    readonly dir: string,
    private readonly log: (line: string) => void,
  ) {
    this.untrack = trackForCleanup(this);
  }

  /** Records a started process; `clusterPeer` marks an Alertmanager of the HA pair. */
  addProcess(proc: ManagedProcess, { clusterPeer }: { clusterPeer: boolean }): void {
    (clusterPeer ? this.clusterPeers : this.processes).push(proc);
  }

  /** PIDs of everything started, the postmaster included. */
  private pids(): number[] {
    return [...this.allProcesses().map((proc) => proc.pid), ...(this.postgres ? [this.postgres.pid] : [])];
  }

  private allProcesses(): ManagedProcess[] {
    return [...this.processes, ...this.clusterPeers];
  }

  /** Idempotent: every call returns the same teardown. */
  stop(): Promise<void> {
    this.stopping ??= this.teardown({ keepLogs: false });
    return this.stopping;
  }

  /**
   * Stops everything after a failed start but keeps `logs/`: the error names a
   * log file, and the full log says more than the tail quoted in the message.
   */
  abandon(): Promise<void> {
    this.stopping ??= this.teardown({ keepLogs: true });
    return this.stopping;
  }

  killNow(): void {
    for (const proc of this.allProcesses()) if (proc.exitStatus() === undefined) signal(proc.pid, 'SIGKILL');
    this.postgres?.killNow();
    // Deleting PGDATA under a live postmaster would leave it writing into nothing.
    waitUntilGoneSync(this.pids(), 5_000);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async teardown({ keepLogs }: { keepLogs: boolean }): Promise<void> {
    this.log('stopping the stack');
    // In parallel, except the Alertmanager peers: one stopped while its partner
    // is also leaving waits out memberlist's 10 s leave timeout for an
    // acknowledgement nobody sends. One after the other, each stops in < 1 s.
    // PostgreSQL last: its exporter holds a connection.
    const results = await Promise.allSettled([
      ...this.processes.map((proc) => stopProcess(proc)),
      stopInTurn(this.clusterPeers),
    ]);
    if (this.postgres) results.push(...(await Promise.allSettled([this.postgres.stop()])));
    results.push(...(await Promise.allSettled([keepLogs ? this.removeAllButLogs() : this.removeDir()])));

    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    // After a failure we stay registered, so the exit handler gets a last try.
    if (failures.length > 0) {
      throw new StackError(
        `Stopping the stack in ${this.dir} failed: ${failures.map((failure) => (failure instanceof Error ? failure.message : String(failure))).join('; ')}`,
        'look for leftovers with `ps aux | grep -E "prometheus|postgres"` and remove them by PID',
        { cause: new AggregateError(failures) },
      );
    }
    this.untrack();
    this.log(keepLogs ? `stack stopped; logs kept in ${join(this.dir, LOGS)}` : 'stack stopped');
  }

  private removeDir(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }

  private async removeAllButLogs(): Promise<void> {
    const entries = await readdir(this.dir);
    await Promise.all(
      entries
        .filter((entry) => entry !== LOGS)
        .map((entry) => rm(join(this.dir, entry), { recursive: true, force: true })),
    );
  }
}

/** Stops each process after the previous one has exited, and tries them all even if one fails. */
async function stopInTurn(procs: readonly ManagedProcess[]): Promise<void> {
  const failures: unknown[] = [];
  for (const proc of procs) await stopProcess(proc).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, 'stopping the Alertmanager peers failed');
}
