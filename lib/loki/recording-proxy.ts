import { createServer, type IncomingHttpHeaders } from 'node:http';
import { listenOnLoopback, type RecordingServer, recordRequest } from './test-server';

/**
 * A pass-through proxy that logs what the client sent, so the tests that check the replay's
 * `requests` (tenant header, nanosecond times) run unchanged against a real Loki (LOKI_URL).
 * Test helper only: it buffers bodies and forwards just the status, Content-Type and body.
 */

/** Hop-by-hop and length headers belong to each connection, not to the request being forwarded. */
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

function forwardedHeaders(headers: IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !NOT_FORWARDED.has(name))
      out.set(name, Array.isArray(value) ? value.join(', ') : value);
  return out;
}

/** Proxies http://127.0.0.1:<port>/… to `upstreamUrl`/… (which may carry a path prefix). */
export async function startRecordingProxy(upstreamUrl: string): Promise<RecordingServer> {
  const base = upstreamUrl.replace(/\/+$/, '');
  const requests: RecordingServer['requests'] = [];

  const server = createServer(async (req, res) => {
    requests.push(recordRequest(req));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const upstream = await fetch(base + (req.url ?? '/'), {
        method: req.method,
        headers: forwardedHeaders(req.headers),
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        redirect: 'manual',
      });
      const contentType = upstream.headers.get('content-type');
      res.writeHead(upstream.status, contentType ? { 'content-type': contentType } : {});
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch (error) {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`recording proxy could not reach ${base}: ${(error as Error).message}\n`);
    }
  });

  const { url, close } = await listenOnLoopback(server);
  return { url, requests, close };
}
