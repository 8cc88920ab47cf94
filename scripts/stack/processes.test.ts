import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, spawnLogged, stopProcess } from './processes.js';

// Real child processes: Node itself, so the tests need nothing installed.
const node = process.execPath;

describe('managed processes', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-processes-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('sends stdout and stderr to the log file and reports the exit code', async () => {
    const logFile = join(dir, 'echo.log');
    const proc = await spawnLogged(
      'echo',
      node,
      ['-e', 'console.log("out"); console.error("err"); process.exit(3)'],
      {
        logFile,
      },
    );
    await proc.exited;
    expect(proc.exitStatus()).toBe('exit code 3');
    expect(isAlive(proc.pid)).toBe(false);
    expect((await readFile(logFile, 'utf8')).split('\n')).toEqual(expect.arrayContaining(['out', 'err']));
  });

  it('stops a process with SIGTERM', async () => {
    const proc = await spawnLogged('idle', node, ['-e', 'setInterval(() => {}, 1000)'], {
      logFile: join(dir, 'idle.log'),
    });
    expect(isAlive(proc.pid)).toBe(true);
    await stopProcess(proc);
    expect(proc.exitStatus()).toBe('signal SIGTERM');
    expect(isAlive(proc.pid)).toBe(false);
  });

  it('escalates to SIGKILL when SIGTERM is ignored', async () => {
    const logFile = join(dir, 'stubborn.log');
    const proc = await spawnLogged(
      'stubborn',
      node,
      [
        '-e',
        'process.on("SIGTERM", () => console.log("ignored")); console.log("up"); setInterval(() => {}, 1000)',
      ],
      { logFile },
    );
    // The handler must be installed before we signal, or Node's default action would end it.
    await expect.poll(() => readFile(logFile, 'utf8')).toContain('up');
    await stopProcess(proc, 300);
    expect(proc.exitStatus()).toBe('signal SIGKILL');
    expect(await readFile(logFile, 'utf8')).toContain('ignored');
  });
});
