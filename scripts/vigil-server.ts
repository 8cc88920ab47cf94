import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { StopWaitingError, waitFor } from './stack/wait';

/**
 * Runs the built console (`next start`) as a child process with the given environment and waits until
 * its liveness probe answers. Used by the demo and by the end-to-end tests.
 */
/**
 * Node flags the console runs with, as `npm start` runs it (package.json's start script; a unit test keeps
 * the two equal). Young generations of 4 MB instead of V8's 16 MB semi-spaces: the console's garbage is
 * short-lived request and poll data, and the larger nursery (in the main thread and the poll worker
 * alike: V8 flags are per process) kept more resident — 451 MB before a 50-client run at 10,000
 * alerts, against 345–361 MB with this flag, in two probes on the same build. And a heap that grows
 * by 25 % of what survived the last full collection instead of V8's default factor (up to 4×): at
 * 10,000 alerts most of the main heap's 190–230 MB was garbage not yet collected, and resident memory
 * peaked at 424–466 MB in three probes against 338–359 MB in three with this flag (a probe: idle, 50
 * clients on the alerts API, the regex filter, acknowledgements; the cost is more frequent, smaller
 * collections). And no memory reducer: V8 starts it when allocation slows down, to hand memory back, and
 * its full collections compact the heap in one pause on the event loop — 44 ms at a 100 MB heap
 * (--trace-gc, 10,000 alerts, idle), and a lag reading of 64 ms in an idle second that was all
 * garbage collection (CPU profile). A console that pages people keeps its memory instead: resident
 * memory stays where the last burst left it (337 MB in that probe, against 240–316 MB with the reducer).
 */
export const SERVER_NODE_FLAGS = [
  '--max-semi-space-size=4',
  '--heap-growing-percent=25',
  '--no-memory-reducer',
];

/** The environment that points Vigil at a harness stack, with a fresh session secret. */
export function vigilEnvFor(stack: {
  databaseUrl: string;
  prometheusUrl: string;
  alertmanagerUrls: readonly string[];
  webhookToken: string;
}): Record<string, string> {
  return {
    DATABASE_URL: stack.databaseUrl,
    PROMETHEUS_URL: stack.prometheusUrl,
    ALERTMANAGER_URLS: stack.alertmanagerUrls.join(','),
    VIGIL_WEBHOOK_TOKEN: stack.webhookToken,
    AUTH_SECRET: randomBytes(32).toString('base64'),
  };
}

export type VigilServer = { url: string; pid: number; stop(): Promise<void> };

export async function startVigilServer(options: {
  port: number;
  env: Record<string, string>;
  logFile: string;
  timeoutMs?: number;
}): Promise<VigilServer> {
  // Resolved from the project root: this module is loaded both as ESM (tsx) and CommonJS (Playwright).
  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child: ChildProcess = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, nextBin, 'start', '-H', '127.0.0.1', '-p', String(options.port)],
    {
      env: { ...process.env, ...options.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // The log file goes away with the stack's directory: a start-up failure carries its own last lines.
  let tail = '';
  const keepTail = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-2000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `http://127.0.0.1:${options.port}`;

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null)
          throw new StopWaitingError(
            `next start exited with ${child.exitCode}; see ${options.logFile}; its last output:\n${tail}`,
          );
        // Another server on the port (it was free when chosen, not held) must not pass for the console.
        const res = await fetch(`${url}/api/health?probe=live`).catch(() => undefined);
        const body: unknown = res?.ok ? await res.json().catch(() => undefined) : undefined;
        return isLiveness(body) ? true : undefined;
      },
      {
        timeoutMs: options.timeoutMs ?? 90_000,
        intervalMs: 250,
        what: `Vigil at ${url}/api/health?probe=live`,
      },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid ?? 0, stop };
}

function isLiveness(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'status' in body && body.status === 'alive';
}
