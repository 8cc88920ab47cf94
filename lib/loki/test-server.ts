import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';

/**
 * Plumbing shared by the Loki replay server and the recording proxy (test helpers, also for e2e and
 * benchmarks): listen on a free loopback port, log what the client sent, close without waiting for
 * requests that will never finish.
 */

/** One request as the client sent it. Headers are lower-case, as Node gives them. */
export type RecordedRequest = {
  method: string;
  path: string;
  /**
   * Decoded query string; a repeated key becomes an array, as with node:querystring:
   * `?match[]=a&match[]=b&start=1` → {"match[]": ["a", "b"], start: "1"}.
   */
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
};

export type RecordingServer = {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  close(): Promise<void>;
};

/** The request line and headers of `req`, e.g. GET /ready → {method: "GET", path: "/ready", query: {}, headers}. */
export function recordRequest(req: IncomingMessage): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://replay');
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length > 1 ? values : (values[0] ?? '');
  }
  return { method: req.method ?? 'GET', path: url.pathname, query, headers: req.headers };
}

/** Starts `server` on 127.0.0.1 with a port the OS picks (port 0), so runs never collide. */
export async function listenOnLoopback(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // close() waits for open connections: keep-alive ones and any request left hanging on purpose.
        server.closeAllConnections();
      }),
  };
}
