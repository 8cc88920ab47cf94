import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UpstreamError, ValidationError } from '@/lib/errors';
import { requestUpstream, type UpstreamTarget, UpstreamTimeoutError } from './http';

// A fake upstream that writes its answer in the pieces each test gives, with pauses between them.
type Piece = string | Buffer | 'stall';
let pieces: Piece[] = [];
let server: Server;
let baseUrl: string;

async function writePieces(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'application/json' });
  for (const piece of pieces) {
    if (piece === 'stall') return; // headers and some of the body sent, then nothing
    if (res.destroyed) return;
    res.write(piece);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  res.end();
}

beforeAll(async () => {
  server = createServer((_req, res) => void writePieces(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const target = (over: Partial<UpstreamTarget> = {}): UpstreamTarget => ({
  source: 'alertmanager',
  name: 'test peer 1',
  baseUrl,
  timeoutMs: 2_000,
  configHint: 'ALERTMANAGER_URLS',
  ...over,
});
const itemSchema = z
  .object({ id: z.string(), label: z.string() })
  .transform(({ id, label }) => ({ id, label }));
const read = (over: Partial<UpstreamTarget> = {}) =>
  requestUpstream(target(over), {
    path: '/api/v2/alerts',
    schema: z.array(itemSchema),
    items: true,
    errorMessage: (_status, body) => body,
  });

describe('requestUpstream reading a JSON array item by item (fake server)', () => {
  it('gives what parsing the whole body gives, however the body is cut (fake server)', async () => {
    const items = Array.from({ length: 20 }, (_, i) => ({
      id: `a${i}`,
      label: `café ☕ "${i}", [x]`,
      extra: i,
    }));
    const body = Buffer.from(JSON.stringify(items, null, 1));
    // Cut every 7 bytes: inside strings, escapes, multi-byte characters and between items.
    pieces = [];
    for (let at = 0; at < body.length; at += 7) pieces.push(body.subarray(at, at + 7));
    expect(await read()).toEqual(z.array(itemSchema).parse(JSON.parse(body.toString())));
  });

  it('stops at the first item of the wrong shape and names it, without waiting for the rest (fake server)', async () => {
    pieces = ['[{"id":"a","label":"x"},{"id":"b","label":"y"},', '{"id":"c","label":7}', ',', 'stall'];
    const started = performance.now();
    const error = (await read().catch((e: unknown) => e)) as UpstreamError;
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.message).toMatch(
      /^Alertmanager test peer 1 answered with an unexpected shape at 2\.label: /,
    );
  });

  it('says the answer is not JSON, quoting its start (fake server)', async () => {
    pieces = ['<html><body>Bad gateway', '</body></html>'];
    await expect(read()).rejects.toThrow(
      /^Alertmanager test peer 1 answered 200 with a body that is not JSON \(<html><body>Bad gateway/,
    );
    pieces = ['[{"id":"a","label":"x"}', ' {"id":"b"}]'];
    await expect(read()).rejects.toThrow(/with a body that is not JSON \(\[\{"id":"a"/);
  });

  it('ends a body that stalls halfway at the deadline (fake server)', async () => {
    pieces = ['[{"id":"a","label":"x"},', '{"id":"b",', 'stall'];
    const error = (await read({ timeoutMs: 300 }).catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error.message).toBe(
      `Alertmanager test peer 1 at ${new URL(baseUrl).host} did not answer within 300 ms`,
    );
  });

  it('stops reading past maxAnswerBytes (fake server)', async () => {
    pieces = [
      '[',
      ...Array.from({ length: 20 }, (_, i) => `{"id":"a${i}","label":"${'x'.repeat(100)}"},`),
      '{"id":"z","label":""}]',
    ];
    const error = await read({ maxAnswerBytes: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/answer is larger than/);
  });
});
