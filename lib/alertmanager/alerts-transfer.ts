import { createHash } from 'node:crypto';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import type { UpstreamObservation } from '@/lib/upstreams/observe';
import type { ClusterAlert, PeerState } from './merge';

/**
 * How a cluster's merged alerts cross from the poll worker to the main thread without one long
 * structured clone there: only the alerts that changed since the previous poll travel, in chunks (each
 * message is its own short task on the main thread), followed by the fingerprints in order. The main
 * thread keeps the previous poll's objects for every alert that did not change. Pure.
 */

/** Alerts per message: cloning this many on the main thread takes a few milliseconds. */
export const CHUNK_SIZE = 250;

/**
 * The alerts that differ from what the main thread already holds, and what it will hold next.
 * `sent` maps fingerprint → a SHA-256 of the alert as last sent, serialised (the worker's memory of the
 * main thread): 44 characters instead of the 1–2 KB of JSON per alert, which at 10,000 alerts kept two
 * maps of ~15 MB each alive during every comparison. A cryptographic hash because label values come
 * from whoever can post alerts, and a collision would leave the console showing a stale alert.
 *
 * @example changedAlerts(new Map([['a', sha256('{"fingerprint":"a",…}')]]), [a (same), b (new)])
 *   → {changed: [b], sent: Map{a, b}}
 */
export function changedAlerts(
  sent: ReadonlyMap<string, string>,
  alerts: readonly ClusterAlert[],
): { changed: ClusterAlert[]; sent: Map<string, string> } {
  const changed: ClusterAlert[] = [];
  const next = new Map<string, string>();
  for (const alert of alerts) {
    const digest = createHash('sha256').update(JSON.stringify(alert)).digest('base64');
    if (sent.get(alert.fingerprint) !== digest) changed.push(alert);
    next.set(alert.fingerprint, digest);
  }
  return { changed, sent: next };
}

/** Splits a list into chunks of at most `size`. @example chunks([1,2,3], 2) → [[1,2],[3]] */
export function chunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The cluster's alerts in order: the changed ones as received, the others as held from the previous
 * poll. Throws when a fingerprint is in neither, which means the two threads lost step (the caller then
 * starts a fresh worker, whose first answer carries every alert).
 *
 * @example assemble(['a','b'], Map{b: b2}, Map{a: a1, b: b1}) → [a1, b2]
 */
export function assemble(
  order: readonly string[],
  changed: ReadonlyMap<string, ClusterAlert>,
  held: ReadonlyMap<string, ClusterAlert>,
): ClusterAlert[] {
  return order.map((fingerprint) => {
    const alert = changed.get(fingerprint) ?? held.get(fingerprint);
    if (!alert) throw new Error(`the poll worker did not send alert ${fingerprint}`);
    return alert;
  });
}

/** An error as it crosses threads (class instances arrive as plain Errors). */
type WireError = {
  source: string;
  url: string;
  upstreamStatus?: number;
  message: string;
  hint: string;
};

/** The main thread has taken a chunk and wants the next (sent from its own task, so it yields in between). */
export type NextChunk = { type: 'next' };

export type ReadRequest = { type: 'read'; id: number; cluster: string; peers: UpstreamTarget[] };

export type WorkerMessage =
  | { type: 'observe'; observation: UpstreamObservation }
  | { type: 'alerts'; id: number; alerts: ClusterAlert[] }
  | { type: 'done'; id: number; order: string[]; peers: PeerState[] }
  | { type: 'failed'; id: number; error: WireError };
