import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcessNotReadyError } from './errors.js';
import { spawnLogged, stopProcess } from './processes.js';
import { waitUntilServing } from './readiness.js';

const node = process.execPath;

describe('waitUntilServing', () => {
  let dir: string;
  let server: Server;
  let url: string;
  let requests = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-readiness-'));
    // Answers 503 twice, like a server still loading, then 200.
    server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(requests <= 2 ? 503 : 200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    url = `http://127.0.0.1:${address.port}/-/ready`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('polls until the URL answers 2xx', async () => {
    const proc = await spawnLogged('idle', node, ['-e', 'setInterval(() => {}, 1000)'], {
      logFile: join(dir, 'idle.log'),
    });
    try {
      await waitUntilServing(proc, url, 10_000);
      expect(requests).toBe(3);
    } finally {
      await stopProcess(proc);
    }
  });

  it('gives up at once when the process exits, quoting its log', async () => {
    const proc = await spawnLogged(
      'broken',
      node,
      ['-e', 'console.error("listen tcp 127.0.0.1:9090: bind: address already in use"); process.exit(1)'],
      { logFile: join(dir, 'broken.log') },
    );
    const started = Date.now();
    const failure = waitUntilServing(proc, 'http://127.0.0.1:9/-/ready', 60_000);
    await expect(failure).rejects.toBeInstanceOf(ProcessNotReadyError);
    await expect(failure).rejects.toThrow(/broken exited \(exit code 1\)[\s\S]*address already in use/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
