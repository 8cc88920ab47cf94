import 'server-only';
import { channel } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { appendHop } from '@/lib/net/forwarded';

/**
 * Next.js hands route handlers and server actions no socket address. The only trace of the peer is
 * X-Forwarded-For, which Next fills in only when the request lacks it
 * (next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so a
 * client that sends its own header is believed. Node announces each request on this diagnostics
 * channel before any 'request' listener (Next's) sees it; there the TCP peer is appended to the header,
 * as a proxy would do, so the right-most hop is always the real peer and lib/net/forwarded.ts can walk
 * the chain from there, trusting only VIGIL_TRUSTED_PROXIES.
 */
// Held at module level: a channel nobody references may be collected with its subscribers.
const requestStart = channel('http.server.request.start');

function appendPeer(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  const sent = request.headers['x-forwarded-for'];
  // Node joins repeated X-Forwarded-For headers with ", " already; the type still allows a list.
  const chain = appendHop(Array.isArray(sent) ? sent.join(', ') : sent, socket.remoteAddress);
  if (chain) request.headers['x-forwarded-for'] = chain;
  else delete request.headers['x-forwarded-for'];
}

let recording = false;

/** Appends the TCP peer to X-Forwarded-For on every request this process serves; once per process. */
export function recordPeerAddresses(): void {
  if (recording) return;
  recording = true;
  requestStart.subscribe(appendPeer);
}
