import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import type { LogExcerpt } from './errors.js';
import { waitFor } from './wait.js';

/** A long-running child whose stdout and stderr go to `logFile`. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves once the process has exited and been reaped. */
  readonly exited: Promise<void>;
  /** `undefined` while running, else e.g. "exit code 1" or "signal SIGKILL". */
  exitStatus(): string | undefined;
}

export interface SpawnOptions {
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

// util-linux's setpriv sets PR_SET_PDEATHSIG and then execs the command in
// place (same PID): the kernel SIGKILLs the child if we die without running
// any cleanup (SIGKILL, OOM). Our exit handlers cover every other way out.
const SETPRIV = '/usr/bin/setpriv';

/**
 * Starts `command` with its output appended to `logFile`. The file descriptor
 * is handed to the child directly, so the log keeps filling even while our
 * event loop is busy, and survives us for post-mortems.
 *
 * Children stay in our process group (`detached: false`): a Ctrl-C in the
 * terminal reaches them too, even if our own handlers never run.
 */
export async function spawnLogged(
  name: string,
  command: string,
  args: readonly string[],
  { logFile, env }: SpawnOptions,
): Promise<ManagedProcess> {
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    const [file, argv] = existsSync(SETPRIV)
      ? [SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args]]
      : [command, [...args]];
    child = spawn(file, argv, { env: env ?? process.env, stdio: ['ignore', fd, fd], detached: false });
  } finally {
    closeSync(fd);
  }
  let status: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      status = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    });
  });
  // 'spawn' or 'error' (e.g. ENOENT) arrive asynchronously; `once` rejects on 'error'.
  await once(child, 'spawn');
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name} started without a PID`);
  return { name, pid, logFile, exited, exitStatus: () => status };
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`; resolves once it is reaped. */
export async function stopProcess(proc: ManagedProcess, graceMs = 10_000): Promise<void> {
  if (proc.exitStatus() !== undefined) return;
  signal(proc.pid, 'SIGTERM');
  const timer = new AbortController();
  const graceful = await Promise.race([
    proc.exited.then(() => true),
    delay(graceMs, false, { signal: timer.signal }).catch(() => true),
  ]);
  timer.abort();
  if (!graceful) {
    signal(proc.pid, 'SIGKILL');
    await proc.exited;
  }
}

/** Sends a signal, ignoring "no such process": the target may have just exited by itself. */
export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * True while `pid` runs. A zombie (exited, not yet reaped by its parent: our
 * event loop does not reap during an 'exit' handler) counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat is "pid (comm) STATE …"; comm may contain spaces, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Polls until `pid` is gone; for processes that are not our children (a daemonised postmaster). */
export async function waitUntilGone(pid: number, timeoutMs: number, what: string): Promise<void> {
  await waitFor(() => !isAlive(pid), { timeoutMs, intervalMs: 50, what: `${what} (PID ${pid}) to exit` });
}

/**
 * The synchronous variant, for `process.on('exit')`, where no timer or promise
 * runs any more: it blocks the thread between checks with Atomics.wait.
 */
export function waitUntilGoneSync(pids: readonly number[], timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (pids.some(isAlive) && Date.now() < deadline) Atomics.wait(cell, 0, 0, 20);
}

/** A log file and its last lines, for `ProcessNotReadyError`. */
export function logExcerpt(file: string): LogExcerpt {
  return { file, tail: logTail(file) };
}

/** The last `lines` lines of a log file, for error messages. */
function logTail(file: string, lines = 30): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n') || '(empty)';
  } catch {
    return '(no log file)';
  }
}
