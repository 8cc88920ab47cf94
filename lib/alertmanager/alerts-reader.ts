import 'server-only';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { AlertmanagerCluster } from '@/lib/config/load';
import { runsFromSources } from '@/lib/env';
import { UpstreamError } from '@/lib/errors';
import { observeUpstreamRequest } from '@/lib/upstreams/observe';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';
import { assemble, type WorkerMessage } from './alerts-transfer';
import type { ClusterAlert, ClusterAlerts, PeerState } from './merge';

/**
 * The main thread's side of a cluster's poll worker (poll-worker.ts): asks it for the merged alerts and
 * puts the answer together from the alerts that changed (alerts-transfer.ts) and the ones it already
 * holds. Nothing here takes more than a few milliseconds at a time, whatever the size of the cluster.
 */

/**
 * The worker's heap ceiling. Answers are read item by item, so the heap holds each peer's validated
 * alerts and the merged list, not the answers' text and parsed trees: with two peers it peaked at 58–65
 * MB for 10,000 alerts and 176–215 MB for 50,000 (scripted reads from local servers, three each; 57–85
 * and 164–237 MB when each answer was parsed whole). A runaway (a peer answering hundreds of megabytes)
 * ends the worker rather than the console, and the next poll starts a fresh one.
 */
const WORKER_HEAP_MB = 320;

/**
 * The worker's young generation. Its lasting objects (one poll's validated alerts) live for a whole
 * read, so a large nursery only delays their promotion; V8's default (up to 48 MB on 64-bit) sat in the
 * process's resident memory for nothing.
 */
const WORKER_YOUNG_MB = 8;

type Pending = {
  id: number;
  cluster: string;
  changed: Map<string, ClusterAlert>;
  resolve: (alerts: ClusterAlerts) => void;
  reject: (error: Error) => void;
};

export class ClusterAlertsReader {
  private worker: Worker | undefined;
  private held = new Map<string, ClusterAlert>();
  /** The last answer, in order. */
  private last: ClusterAlert[] = [];
  private pending: Pending | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  /** Every peer's alerts merged (rules in merge.ts). Reads queue: the worker runs one at a time. */
  read(cluster: AlertmanagerCluster): Promise<ClusterAlerts> {
    const result = this.queue.then(() => this.readNow(cluster));
    this.queue = result.catch(() => {});
    return result;
  }

  private readNow(cluster: AlertmanagerCluster): Promise<ClusterAlerts> {
    const worker = this.start(cluster.name);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending = { id, cluster: cluster.name, changed: new Map(), resolve, reject };
      worker.postMessage({
        type: 'read',
        id,
        cluster: cluster.name,
        peers: alertmanagerPeerTargets(cluster),
      });
    });
  }

  private start(cluster: string): Worker {
    if (this.worker) return this.worker;
    const options = {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      name: `vigil poll ${cluster}`,
    };
    const worker = runsFromSources()
      ? sourceWorker(new URL('./poll-worker.ts', import.meta.url), options)
      : // In one expression, so that Next's bundler sees the entry and bundles it (vercel/next.js#93432).
        new Worker(new URL('./poll-worker.ts', import.meta.url), options);
    // Polling alone must never keep a process alive (the snapshot timers are unref'd too).
    worker.unref();
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the poll worker exited with code ${code}`)));
    this.worker = worker;
    this.held = new Map();
    this.last = [];
    return worker;
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'observe') {
      observeUpstreamRequest(message.observation);
      return;
    }
    const pending = this.pending;
    if (message.type === 'alerts') {
      // Asked for from a later task, so whatever waits on the event loop runs between two chunks.
      setImmediate(() => this.worker?.postMessage({ type: 'next' }));
      if (pending?.id === message.id)
        for (const alert of message.alerts) pending.changed.set(alert.fingerprint, alert);
      return;
    }
    if (pending?.id !== message.id) return;
    this.pending = undefined;
    if (message.type === 'failed') {
      const e = message.error;
      pending.reject(new UpstreamError(e.source, e.url, e.upstreamStatus, e.message, e.hint));
      return;
    }
    try {
      // Nothing changed: the same array, so everything derived from it (the alerts API's index and
      // cached answers) stays valid across polls instead of being rebuilt every poll interval.
      if (pending.changed.size === 0 && sameOrder(message.order, this.last)) {
        pending.resolve({ alerts: this.last, peers: message.peers as PeerState[] });
        return;
      }
      const alerts = assemble(message.order, pending.changed, this.held);
      this.held = new Map(alerts.map((a) => [a.fingerprint, a]));
      this.last = alerts;
      pending.resolve({ alerts, peers: message.peers as PeerState[] });
    } catch (error) {
      // Out of step with the worker: start over with a fresh one, whose first answer has every alert.
      void this.worker?.terminate();
      pending.reject(error as Error);
    }
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    pending.reject(
      new UpstreamError(
        'alertmanager',
        '',
        undefined,
        `Reading the alerts of Alertmanager cluster "${pending.cluster}" failed: ${error.message}`,
        error.message.includes('memory')
          ? `The alert lists outgrew the poll worker's ${WORKER_HEAP_MB} MB; narrow what Prometheus sends or split the cluster.`
          : 'The next poll starts a fresh poll worker; if this repeats, the log has the cause.',
      ),
    );
  }
}

function sameOrder(order: readonly string[], alerts: readonly ClusterAlert[]): boolean {
  return (
    order.length === alerts.length && order.every((fingerprint, i) => alerts[i]?.fingerprint === fingerprint)
  );
}

/**
 * A worker running a TypeScript entry through tsx (tests). Node 20 does not apply `--import` hooks from a
 * worker's execArgv to its entry, so the worker loads tsx itself and then imports the entry.
 */
function sourceWorker(entry: URL, options: WorkerOptions): Worker {
  const href = JSON.stringify(entry.href);
  return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${href}, ${href}));`, {
    ...options,
    eval: true,
  });
}
