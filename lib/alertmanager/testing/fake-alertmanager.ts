import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import path from 'node:path';
import type { UpstreamTarget } from '@/lib/upstreams/http';

/**
 * Test helpers: a local HTTP server standing in for one Alertmanager peer (for failure paths the real one
 * cannot be made to produce), the captured fixtures, and a peer target.
 */

/** A captured Alertmanager 0.25 response body from lib/alertmanager/fixtures/, byte for byte. */
export function readFixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name), 'utf8');
}

export type FakeRequest = { method: string; url: string; body: string };
/** What to answer; 'hang' never answers (for timeouts). */
export type FakeAnswer = { status: number; body: string; contentType?: string } | 'hang';

export type FakeAlertmanager = { url: string; requests: FakeRequest[]; close(): Promise<void> };

/** Listens on 127.0.0.1 on a free port and answers every request with `answer(request)`. */
export async function startFakeAlertmanager(
  answer: (request: FakeRequest) => FakeAnswer,
): Promise<FakeAlertmanager> {
  const requests: FakeRequest[] = [];
  const server = createServer(async (req, res) => {
    const request = { method: req.method ?? 'GET', url: req.url ?? '/', body: await readBody(req) };
    requests.push(request);
    const reply = answer(request);
    if (reply === 'hang') return;
    res.writeHead(reply.status, reply.contentType ? { 'content-type': reply.contentType } : {});
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake Alertmanager has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        // Hanging requests would keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A peer target as alertmanagerPeerTargets builds it. */
export function peerTarget(baseUrl: string, overrides: Partial<UpstreamTarget> = {}): UpstreamTarget {
  return {
    source: 'alertmanager',
    name: 'test peer 1',
    baseUrl,
    timeoutMs: 2_000,
    configHint: 'ALERTMANAGER_URLS',
    ...overrides,
  };
}
