import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake receiver for fault tests: it stands where a paging webhook or a dead-man's-switch service
 * (healthchecks.io) would, answers 200 to everything and records each request with its body, so a
 * test checks the exact payload Vigil sent and counts the calls.
 *
 *   const receiver = await startFakeReceiver();
 *   // channels: [{name: pager, type: webhook, url: `${receiver.url}/page`}]
 *   receiver.calls.filter((c) => c.path === '/page') → [{method: 'POST', path: '/page', body: {...}, at}]
 */

type ReceivedCall = { method: string; path: string; body: unknown; at: number };

export type FakeReceiver = { url: string; readonly calls: ReceivedCall[]; close(): Promise<void> };

export async function startFakeReceiver(): Promise<FakeReceiver> {
  const calls: ReceivedCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: keep the text.
      }
      calls.push({ method: req.method ?? '', path: req.url ?? '', body, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
