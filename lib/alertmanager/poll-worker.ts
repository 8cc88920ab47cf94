import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { z } from 'zod';
import { UpstreamError } from '@/lib/errors';
import { requestUpstream, type UpstreamTarget, UpstreamTimeoutError } from '@/lib/upstreams/http';
import { onUpstreamRequest } from '@/lib/upstreams/observe';
import { inAlertOrder } from './alert-order';
import {
  CHUNK_SIZE,
  changedAlerts,
  chunks,
  type NextChunk,
  type ReadRequest,
  type WorkerMessage,
} from './alerts-transfer';
import { errorMessage } from './error-message';
import { mergePeerAlerts, type PeerAlerts } from './merge';
import { nextHistory, type ReadHistory, readDeadlineMs, timeoutHint } from './read-deadline';
import { amAlertSchema } from './schemas';

/**
 * The poll worker of one Alertmanager cluster (a worker thread, started by alerts-reader.ts): reads every
 * peer's alert list, parses and validates it and merges the peers, so the megabytes of JSON a large
 * cluster answers never block the main thread, where requests, the webhook and escalation run. No
 * `server-only` here: this runs outside React's server graph.
 */

const port = parentPort;
if (!port) throw new Error('poll-worker.ts runs as a worker thread (alerts-reader.ts starts it)');

/**
 * This thread's nice value. The main thread, where requests, the webhook and escalation run, gets a
 * core first whenever both want one: on a loaded machine a poll finishes later, but a page never waits
 * behind a parse. Linux keeps a nice value per thread (os.setPriority without a pid sets the calling
 * thread's), and lowering one's own priority needs no privilege.
 */
const POLL_WORKER_NICE = 10;
setPriority(POLL_WORKER_NICE);

const post = (message: WorkerMessage) => port.postMessage(message);

// /metrics lives on the main thread: every request made here is counted there.
onUpstreamRequest((observation) => post({ type: 'observe', observation }));

const histories = new Map<string, ReadHistory>();
// What the main thread holds, serialised (alerts-transfer.ts): only changes cross.
let sent = new Map<string, string>();

async function readPeer(cluster: string, peer: UpstreamTarget): Promise<PeerAlerts> {
  const base = { peer: peer.name, address: new URL(peer.baseUrl).host };
  const history = histories.get(peer.baseUrl) ?? {};
  const deadlineMs = readDeadlineMs(peer.timeoutMs, history);
  const hint = timeoutHint({ cluster, timeoutMs: peer.timeoutMs, deadlineMs, lastOkMs: history.lastOkMs });
  const started = performance.now();
  try {
    const alerts = await requestUpstream(
      { ...peer, timeoutMs: deadlineMs, timeoutHint: hint },
      // Item by item: the megabytes of text and their parsed tree never sit in the heap at once.
      { path: '/api/v2/alerts', schema: z.array(amAlertSchema), items: true, errorMessage },
    );
    histories.set(peer.baseUrl, nextHistory(history, { ok: true, ms: performance.now() - started }));
    return { ...base, alerts };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const timedOut = error instanceof UpstreamTimeoutError;
    histories.set(peer.baseUrl, nextHistory(history, { ok: false, timedOut, deadlineMs }));
    return { ...base, error };
  }
}

async function read({ id, cluster, peers }: ReadRequest): Promise<void> {
  try {
    const merged = mergePeerAlerts(cluster, await Promise.all(peers.map((peer) => readPeer(cluster, peer))));
    // In the console's order, sorted here rather than on the main thread (10,000 alerts: 15–40 ms).
    const alerts = inAlertOrder(merged.alerts);
    const next = changedAlerts(sent, alerts);
    // One chunk at a time, the next only when the main thread asks: Node delivers every message already
    // queued on a port in one task, so chunks sent all at once would land as one long step again.
    for (const chunk of chunks(next.changed, CHUNK_SIZE)) {
      const taken = nextChunkWanted();
      post({ type: 'alerts', id, alerts: chunk });
      await taken;
    }
    post({ type: 'done', id, order: alerts.map((a) => a.fingerprint), peers: merged.peers });
    sent = next.sent;
  } catch (error) {
    const e = error as Partial<UpstreamError> & Error;
    post({
      type: 'failed',
      id,
      error: {
        source: e.source ?? 'alertmanager',
        url: e.url ?? '',
        upstreamStatus: e.upstreamStatus,
        message: e.message,
        hint: e.hint ?? 'This is a bug in Vigil; its log has the stack trace.',
      },
    });
    if (!(error instanceof UpstreamError)) console.error('[vigil] the poll worker failed:', error);
  }
}

let wanted: (() => void) | undefined;
const nextChunkWanted = () => new Promise<void>((resolve) => (wanted = resolve));

// One read at a time: the main thread never asks twice at once (alerts-reader.ts queues its reads).
port.on('message', (message: ReadRequest | NextChunk) => {
  if (message.type === 'next') wanted?.();
  else void read(message);
});
