import { lookup as systemLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isInternalAddress } from './destination';

/**
 * A POST whose connection goes only to the addresses that were checked. Checking a host's addresses
 * before a request (resolvedDestinationProblem) is not enough alone: the request resolves the name again,
 * and a name whose answer changes in between (DNS rebinding) would reach the server's own network. Here
 * the check runs on the very answer the connection uses, inside its lookup.
 */

/** The connection's host resolved to an internal address: refused before connecting. */
export class InternalAddressError extends Error {
  readonly code = 'EINTERNALADDRESS';
  constructor(readonly hostname: string) {
    super(`${hostname} resolves to an internal address (loopback, private or link-local) when connecting`);
    this.name = 'InternalAddressError';
  }
}

/** Resolves like dns.lookup(name, {all: true}); tests pass their own answers. */
export type ResolveAll = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: { address: string; family: number }[]) => void,
) => void;

const resolveAll: ResolveAll = (hostname, callback) => systemLookup(hostname, { all: true }, callback);

/**
 * A lookup for net/tls connections that fails with InternalAddressError when any address of the name is
 * internal (the connection could be made to that one), and otherwise answers as dns.lookup would.
 */
export function refusingInternal(resolve: ResolveAll = resolveAll): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, '', undefined);
      if (addresses.some((a) => isInternalAddress(a.address)))
        return callback(new InternalAddressError(hostname), '', undefined);
      const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
      if (options.all) return callback(null, usable);
      const first = usable[0];
      if (!first)
        return callback(
          Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
          '',
          undefined,
        );
      callback(null, first.address, first.family);
    });
  };
}

/** What came back: the status and the first characters of the body. */
export type PostAnswer = { status: number; text: string };

/** The deadline passed: from connecting to the last byte of the answer. */
export class PostTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no complete answer within ${ms} ms`);
    this.name = 'PostTimeoutError';
  }
}

/** Characters of the answer kept: enough to say why a request was refused. */
const KEPT = 1000;

/**
 * POSTs `body` to `url` (http or https), never following a redirect, with one deadline over connecting,
 * sending and reading the whole answer (a body that stalls ends there too). With `lookup`, the connection
 * resolves the host through it (refusingInternal). Rejects with PostTimeoutError, InternalAddressError or
 * the socket's own error.
 */
export function post(
  url: string,
  {
    headers,
    body,
    deadlineMs,
    lookup,
  }: {
    headers: Record<string, string>;
    body: Uint8Array | null;
    deadlineMs: number;
    lookup?: LookupFunction;
  },
): Promise<PostAnswer> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const controller = new AbortController();
  return new Promise<PostAnswer>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new PostTimeoutError(deadlineMs));
      controller.abort();
    }, deadlineMs);
    const settle =
      <T>(done: (value: T) => void) =>
      (value: T) => {
        clearTimeout(timer);
        done(value);
      };
    const fail = settle(reject);
    const request = client.request(
      target,
      // agent: false: a connection of its own, never a pooled one that another lookup made.
      { method: 'POST', headers, signal: controller.signal, agent: false, ...(lookup ? { lookup } : {}) },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < KEPT) text += chunk.slice(0, KEPT - text.length);
        });
        response.on('end', () => settle(resolve)({ status: response.statusCode ?? 0, text }));
        response.on('error', fail);
      },
    );
    request.on('error', fail);
    request.end(body ?? undefined);
  });
}
