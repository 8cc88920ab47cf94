import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import pg from 'pg';
import type { Stack } from '../../scripts/stack/start-stack';

/**
 * A local fake standing in for Slack and webhook receivers in the escalation fault tests (the real
 * services cannot run here). Paths under /ok/ answer 204 after reading the body; paths under /stall/
 * accept the request, send their headers and the first bytes of a body, and never finish it (a
 * half-dead receiver or a proxy that buffers). Every request is recorded with its arrival time.
 */

/** `stalledOpen`: how many /stall/ requests were hanging when this one arrived. */
type ReceivedPage = { path: string; body: unknown; at: number; stalledOpen: number };

export type StallingReceiver = {
  url: string;
  received: ReceivedPage[];
  /** Requests to /stall/ whose body is still hanging. */
  stalledOpen(): number;
  /** The most /stall/ requests ever hanging at once. */
  mostStalled(): number;
  stop(): Promise<void>;
};

export async function startStallingReceiver(): Promise<StallingReceiver> {
  const received: ReceivedPage[] = [];
  let stalled = 0;
  let most = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const at = Date.now();
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: kept as text, and the test's payload check fails on it.
      }
      const url = request.url ?? '/';
      received.push({ path: url, body, at, stalledOpen: stalled });
      if (url.startsWith('/stall/')) {
        stalled += 1;
        most = Math.max(most, stalled);
        response.once('close', () => {
          stalled -= 1;
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"ok":');
        return;
      }
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the fake receiver has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    stalledOpen: () => stalled,
    mostStalled: () => most,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a VIGIL_CONFIG file with these channels and levels into the stack's folder; its path. */
export function writeEscalationConfig(stack: Stack, yaml: string): string {
  const file = path.join(stack.dir, 'vigil-escalation.yml');
  writeFileSync(file, yaml);
  return file;
}

/** Runs `fn` with a connection to the stack's PostgreSQL. */
export async function withDatabase<T>(stack: Stack, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
