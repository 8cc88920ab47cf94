import 'server-only';
import { getAlertGroups, getSilences, getStatus } from '@/lib/alertmanager/client';
import {
  type ClusterAlert,
  type PeerState,
  readClusterAlerts,
  writeWithFailover,
} from '@/lib/alertmanager/cluster';
import type { Silence } from '@/lib/alertmanager/schemas';
import { markSilences } from '@/lib/alertmanager/silence-marks';
import { config } from '@/lib/config/current';
import type { AlertmanagerCluster, PrometheusServer, VigilConfig } from '@/lib/config/load';
import { getReady } from '@/lib/loki/client';
import { getBuildInfo, getRules, getTargets } from '@/lib/prometheus/client';
import type { RuleGroup, ScrapeTarget } from '@/lib/prometheus/schemas';
import { alertmanagerPeerTargets, lokiTarget, prometheusTarget } from '@/lib/upstreams/targets';
import { ownWrites, recordOwnWrites, withWrites } from './own-silences';
import { SnapshotSource } from './snapshot-source';

/**
 * The snapshots every page and API route reads: one per Alertmanager cluster, one per Prometheus
 * server and one for Loki, polled by the server on the configured interval (10 s by default). Pages
 * and routes never call an upstream for these: any number of consoles cost the same upstream load.
 */

type PeerStatus = { peer: string; version: string; clusterStatus: string; clusterPeers: number };

/** One Alertmanager route group: its receiver, its group_by label values and the alerts in it. */
export type RouteGroup = { receiver: string; labels: Record<string, string>; fingerprints: string[] };

export type ClusterSnapshot = {
  alerts: ClusterAlert[];
  peers: PeerState[];
  /** Silences are gossiped, so one answering peer has them all. */
  silences: Silence[];
  /**
   * Route groups as the first answering peer sees them (for "group by Alertmanager route"). Peers group
   * the same way; alerts another peer alone holds are grouped by the caller.
   */
  routeGroups: RouteGroup[];
  statuses: PeerStatus[];
};

export type PrometheusSnapshot = {
  targets: ScrapeTarget[];
  ruleGroups: RuleGroup[];
  version: string | undefined;
};

export type LokiSnapshot = { ready: boolean; detail: string };

export type Sources = {
  clusters: Map<string, SnapshotSource<ClusterSnapshot>>;
  prometheus: Map<string, SnapshotSource<PrometheusSnapshot>>;
  loki: SnapshotSource<LokiSnapshot> | undefined;
};

// Alertmanager's route groups repeat every alert in full: at 10,000 alerts, a third full read and parse
// per poll, blocking the event loop. They are read only while someone groups by route, and for ten
// minutes after the last such request. The deadline is on globalThis: the alerts route's bundle sets it
// and the pollers, made by whichever bundle first called sources(), read it (held in this module, the
// production build never read route groups, and grouping by route listed every alert as ungrouped).
const ROUTE_GROUPS_FOR_MS = 600_000;
const ROUTE_GROUPS_UNTIL = Symbol.for('vigil.route-groups-until');
const routeGroupsStore = globalThis as unknown as Record<symbol, number | undefined>;
const routeGroupsWanted = () => Date.now() < (routeGroupsStore[ROUTE_GROUPS_UNTIL] ?? 0);

/**
 * Called by a request that groups by route. Returns true when route groups were not being read, so the
 * caller can wait for a poll that reads them instead of answering without routes.
 */
export function wantRouteGroups(): boolean {
  const first = !routeGroupsWanted();
  routeGroupsStore[ROUTE_GROUPS_UNTIL] = Date.now() + ROUTE_GROUPS_FOR_MS;
  return first;
}

async function fetchCluster(cluster: AlertmanagerCluster): Promise<ClusterSnapshot> {
  const startedAt = Date.now();
  const peers = alertmanagerPeerTargets(cluster);
  const [merged, statuses, silences, routeGroups] = await Promise.all([
    readClusterAlerts(cluster),
    Promise.allSettled(peers.map((p) => getStatus(p))),
    writeWithFailover(peers, (p) => getSilences(p)).then(
      (r) => r.result,
      () => [] as Silence[],
    ),
    (routeGroupsWanted()
      ? writeWithFailover(peers, (p) => getAlertGroups(p))
      : Promise.resolve({ result: [] })
    ).then(
      (r) =>
        r.result.map((g) => ({
          receiver: g.receiver,
          labels: g.labels,
          fingerprints: g.alerts.map((a) => a.fingerprint),
        })),
      () => [] as RouteGroup[],
    ),
  ]);
  // Vigil's own silence writes made while this poll was under way: the read predates them.
  const current = withWrites(silences, ownWrites(cluster.name), startedAt);
  return {
    alerts: current === silences ? merged.alerts : markSilences(merged.alerts, current, silences),
    peers: merged.peers,
    silences: current,
    routeGroups,
    statuses: statuses.flatMap((s, i) =>
      s.status === 'fulfilled'
        ? [
            {
              peer: peers[i]?.name ?? '',
              version: s.value.version,
              clusterStatus: s.value.clusterStatus,
              clusterPeers: s.value.peers.length,
            },
          ]
        : [],
    ),
  };
}

function prometheusFetcher(server: PrometheusServer): () => Promise<PrometheusSnapshot> {
  const target = prometheusTarget(server);
  // The version does not change while Prometheus runs; ask again only until it has answered once.
  let version: string | undefined;
  return async () => {
    const [targets, ruleGroups] = await Promise.all([getTargets(target), getRules(target)]);
    version ??= await getBuildInfo(target).then(
      (b) => b.version,
      () => undefined,
    );
    return { targets, ruleGroups, version };
  };
}

/**
 * Polls keep an upstream busy at most a third of the time: after a read that took d seconds, the next
 * waits at least 2 d (SnapshotSource's restFactor), so a slow Alertmanager keeps most of its time for
 * its own work, dispatching the notifications that page people. Measured on the bench machine (2 cores):
 * Alertmanager 0.25 took 4–9 s to list 10,000 alerts, and while Vigil read both peers the pair used
 * 120–160 % of the machine's CPU, and Vigil's main thread waited for a core more than half the time.
 */
const UPSTREAM_REST_FACTOR = 2;

function createSources(cfg: VigilConfig): Sources {
  const intervalMs = cfg.pollIntervalSeconds * 1000;
  const loki = cfg.loki;
  return {
    clusters: new Map(
      cfg.alertmanagers.map((c) => {
        const source: SnapshotSource<ClusterSnapshot> = new SnapshotSource({
          name: c.name,
          intervalMs,
          restFactor: UPSTREAM_REST_FACTOR,
          fetch: () => fetchCluster(c),
          onUpdate: afterClusterPoll(c, () => source.view().intervalSeconds * 1000),
        });
        return [c.name, source];
      }),
    ),
    prometheus: new Map(
      cfg.prometheus.map((p) => [
        p.name,
        new SnapshotSource({
          name: p.name,
          intervalMs,
          restFactor: UPSTREAM_REST_FACTOR,
          fetch: prometheusFetcher(p),
        }),
      ]),
    ),
    loki: loki
      ? new SnapshotSource({
          name: 'default',
          intervalMs,
          restFactor: UPSTREAM_REST_FACTOR,
          fetch: () => getReady(lokiTarget(loki)),
        })
      : undefined,
  };
}

/**
 * Work that follows each poll of a cluster (recording alert transitions, reconciling acknowledgements),
 * registered at start-up by the layers that do it (lib/server/poll-hooks.ts): the snapshots sit below
 * the domain, so they call it back instead of importing it.
 */
type ClusterPollHook = (previous: ClusterSnapshot | undefined, next: ClusterSnapshot) => Promise<void>;
/**
 * Makes the hook of one cluster, once, so the hook may keep state from one poll to the next.
 * `periodMs` tells, at each call, how far apart the cluster's polls are now (longer than the configured
 * interval while Alertmanager is slow to answer).
 */
export type ClusterPollHookFactory = (
  cluster: AlertmanagerCluster,
  periodMs: () => number,
) => ClusterPollHook;

// On globalThis, like the sources: start-up and the routes may be separate module graphs.
const HOOKS = Symbol.for('vigil.cluster-poll-hooks');
const hookStore = globalThis as unknown as Record<symbol, Map<string, ClusterPollHookFactory> | undefined>;
const pollHooks = () => {
  hookStore[HOOKS] ??= new Map();
  return hookStore[HOOKS];
};

/**
 * Runs the hook `factory` makes after every poll of every cluster, in the order of registration. Registering
 * a name again replaces its factory in place (start-up may run twice in one dev process).
 */
export function onClusterPoll(name: string, factory: ClusterPollHookFactory): void {
  pollHooks().set(name, factory);
}

function afterClusterPoll(cluster: AlertmanagerCluster, periodMs: () => number) {
  // Made on the first poll after registration: a route may have created the sources before start-up ran.
  const made = new Map<string, { factory: ClusterPollHookFactory; hook: ClusterPollHook }>();
  return async (previous: ClusterSnapshot | undefined, next: ClusterSnapshot) => {
    for (const [name, factory] of pollHooks()) {
      let entry = made.get(name);
      if (entry?.factory !== factory) {
        entry = { factory, hook: factory(cluster, periodMs) };
        made.set(name, entry);
      }
      try {
        await entry.hook(previous, next);
      } catch (error) {
        // One failing hook does not keep the next from running.
        console.error(`[vigil] ${name} after polling ${cluster.name} failed:`, error);
      }
    }
  };
}

/**
 * Reads a cluster's silences again into its snapshot, and marks its alerts under them, so the silences
 * page, the alerts list and the alert detail show a write at once rather than at the next poll. The read goes to the peers in the configured order, as
 * writes do, so gossip lag does not hide the write. Never throws: the next poll corrects a failure.
 */
export async function refreshSilences(clusterName: string): Promise<void> {
  const source = sources().clusters.get(clusterName);
  const cluster = config().alertmanagers.find((c) => c.name === clusterName);
  if (!source || !cluster) return;
  try {
    const startedAt = Date.now();
    const { result } = await writeWithFailover(alertmanagerPeerTargets(cluster), (p) => getSilences(p));
    // Writes of Vigil's own made after this read began stay as written (another read may have begun
    // before them and answered after).
    const silences = withWrites(result, ownWrites(clusterName), startedAt);
    // The alerts too: Alertmanager applies a silence at once, so they show silenced (or no longer) at once.
    source.patch((data) => ({
      ...data,
      silences,
      alerts: markSilences(data.alerts, silences, data.silences),
    }));
  } catch (error) {
    console.warn(`[vigil] re-reading the silences of ${clusterName} failed; the next poll will:`, error);
  }
}

/**
 * Shows silences Vigil itself has just written (an acknowledgement's, or one it expired) at once: they
 * take their place in the cluster's snapshot and mark its alerts, as Alertmanager applied them, without
 * waiting for a read of every silence from a peer that may be busy answering a large poll (at 10,000
 * alerts each of its answers to the poll takes seconds of its CPU). Reads that began before the write
 * keep it (own-silences.ts). The read still follows, in the background, and brings Alertmanager's own
 * view (its `updatedAt`, silences made elsewhere meanwhile).
 */
export function showOwnSilences(clusterName: string, created: readonly Silence[]): void {
  const source = sources().clusters.get(clusterName);
  if (!source || created.length === 0) return;
  recordOwnWrites(clusterName, created, Date.now());
  const ids = new Set(created.map((s) => s.id));
  source.patch((data) => {
    const silences = [...data.silences.filter((s) => !ids.has(s.id)), ...created];
    return { ...data, silences, alerts: markSilences(data.alerts, silences, data.silences) };
  });
  void refreshSilences(clusterName);
}

/**
 * Shows a silence Vigil has just expired (an acknowledgement withdrawn) at once, as showOwnSilences
 * does: its alerts are no longer muted by it. A silence the snapshot does not hold yet is read instead.
 */
export function showOwnSilenceExpired(clusterName: string, silenceId: string): void {
  const known = sources()
    .clusters.get(clusterName)
    ?.view()
    .data?.silences.find((s) => s.id === silenceId);
  if (!known) {
    void refreshSilences(clusterName);
    return;
  }
  const now = new Date().toISOString();
  showOwnSilences(clusterName, [{ ...known, state: 'expired', endsAt: now, updatedAt: now }]);
}

const KEY = Symbol.for('vigil.sources');
const store = globalThis as unknown as Record<symbol, Sources | undefined>;

/** The snapshot sources of this process, created and started on first use. */
export function sources(): Sources {
  if (!store[KEY]) {
    const created = createSources(config());
    for (const s of [...created.clusters.values(), ...created.prometheus.values(), created.loki]) s?.start();
    store[KEY] = created;
  }
  return store[KEY];
}

/** The snapshots as they are now (only the very first call of a process waits for the first polls). */
export async function currentViews() {
  const s = sources();
  const [clusters, prometheus, loki] = await Promise.all([
    Promise.all([...s.clusters.values()].map((c) => c.get())),
    Promise.all([...s.prometheus.values()].map((p) => p.get())),
    s.loki?.get(),
  ]);
  return { clusters, prometheus, loki };
}
