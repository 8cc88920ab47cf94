import { spawn } from 'node:child_process';

export interface RunResult {
  /** Exit code, or null when the command was killed by a signal. */
  code: number | null;
  /** stdout and stderr interleaved in arrival order: tools like promtool split one report across both. */
  output: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Kill the command (SIGKILL) after this long; it then resolves with code null. */
  timeoutMs?: number;
}

/** Runs a short-lived command to completion and captures its output. Never rejects on a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  { env, timeoutMs }: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/**
 * Prefixes a command so it runs as the `postgres` system user when we are root:
 * PostgreSQL's initdb and server refuse to run as root.
 */
export function asPostgresUser(command: string, args: readonly string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}
