import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  InternalAddressError,
  PostTimeoutError,
  post,
  type ResolveAll,
  refusingInternal,
} from './guarded-post';

const answering =
  (...addresses: string[]): ResolveAll =>
  (_host, callback) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

/** What a lookup answers, as a promise of [error, address-or-list, family]. */
function ask(lookup: LookupFunction, options: { all?: boolean; family?: number }) {
  return new Promise<unknown[]>((resolve) =>
    lookup('push.example', options, (...args: unknown[]) => resolve(args)),
  );
}

describe('refusingInternal', () => {
  it('answers as dns.lookup does when every address is public', async () => {
    const lookup = refusingInternal(answering('93.184.215.14', '2606:2800:21f:cb07::1'));
    expect(await ask(lookup, {})).toEqual([null, '93.184.215.14', 4]);
    expect(await ask(lookup, { family: 6 })).toEqual([null, '2606:2800:21f:cb07::1', 6]);
    expect(await ask(lookup, { all: true })).toEqual([
      null,
      [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07::1', family: 6 },
      ],
    ]);
  });

  it('refuses a name with any internal address, the one a connection could take', async () => {
    for (const internal of ['127.0.0.1', '169.254.169.254', '10.1.2.3', '::1', '::ffff:192.168.1.9']) {
      const [error] = await ask(refusingInternal(answering('93.184.215.14', internal)), { all: true });
      expect(error).toBeInstanceOf(InternalAddressError);
      expect((error as Error).message).toContain('push.example resolves to an internal address');
    }
  });

  it("passes the resolver's own failure on", async () => {
    const failing: ResolveAll = (_host, callback) =>
      callback(Object.assign(new Error('queryA ENOTFOUND push.example'), { code: 'ENOTFOUND' }), []);
    const [error] = await ask(refusingInternal(failing), {});
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});

describe('post', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('sends the headers and body and answers the status and the start of the text', async () => {
    const seen: { headers: Record<string, unknown>; body: string }[] = [];
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        res.writeHead(201).end('x'.repeat(5000));
      });
    });
    const answer = await post(`${url}/push/1`, {
      headers: { ttl: '60', 'content-type': 'application/octet-stream' },
      body: new TextEncoder().encode('sealed'),
      deadlineMs: 2000,
    });
    expect(answer.status).toBe(201);
    expect(answer.text).toHaveLength(1000);
    expect(seen).toEqual([{ headers: expect.objectContaining({ ttl: '60' }), body: 'sealed' }]);
  });

  it('does not follow a redirect', async () => {
    let hits = 0;
    const url = await serve((_req, res) => {
      hits++;
      res.writeHead(302, { location: '/elsewhere' }).end();
    });
    expect((await post(url, { headers: {}, body: null, deadlineMs: 2000 })).status).toBe(302);
    expect(hits).toBe(1);
  });

  it('ends at the deadline when the answer stalls after its headers', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(201);
      res.write('{');
    });
    const started = Date.now();
    await expect(post(url, { headers: {}, body: null, deadlineMs: 300 })).rejects.toBeInstanceOf(
      PostTimeoutError,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
