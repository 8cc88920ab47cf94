import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPeerAddresses } from './peer-address';

/** What a 'request' listener (Next's, in production) sees of the headers, for a request sent with these. */
let seen: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  seen.push({ ...req.headers });
  res.end();
});

function send(headers: Record<string, string>): Promise<IncomingHttpHeaders> {
  seen = [];
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(seen[0] ?? {}));
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  recordPeerAddresses();
  recordPeerAddresses(); // a second call must not append twice
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('recordPeerAddresses', () => {
  it('fills X-Forwarded-For with the TCP peer when the client sent none', async () => {
    expect((await send({}))['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('appends the TCP peer to a header the client wrote, so the client cannot pose as another address', async () => {
    expect((await send({ 'x-forwarded-for': '203.0.113.42' }))['x-forwarded-for']).toBe(
      '203.0.113.42, 127.0.0.1',
    );
  });
});
