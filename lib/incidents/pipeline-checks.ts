import type { PipelineWatchConfig } from '@/lib/config/load';

/**
 * What Vigil watches of the alerting pipeline itself, and when a part counts as broken. Pure: the
 * snapshots go in, decisions come out; pipeline-watch.ts stores them and opens or recovers incidents.
 *
 * Three kinds of check:
 * - `heartbeat:<cluster>`: the always-firing alert (Watchdog) is listed active and not silenced. A
 *   silenced or inhibited heartbeat is missing: the point is that alerts reach people.
 * - `cluster:<cluster>`: at least one peer of the Alertmanager cluster answers.
 * - `prometheus:<server>`: the Prometheus server answers.
 * While a whole cluster is unreachable its heartbeat is paused (not missing): the cluster check names
 * the real fault, and one broken thing pages once. A Prometheus outage, by contrast, may also show as a
 * missing heartbeat after `missingAfter` (Alertmanager resolves the Watchdog once Prometheus stops
 * resending it): Vigil cannot tell which Prometheus feeds which cluster.
 */

type PipelineCheckKind = 'heartbeat' | 'cluster' | 'prometheus';

export type PipelineObservation = {
  key: string;
  kind: PipelineCheckKind;
  /** The cluster or Prometheus server name. */
  subject: string;
  /** Working now (true), broken now (false), or not known yet (undefined: no poll has answered). */
  ok: boolean | undefined;
  /** How long it may stay broken before a pipeline incident opens. */
  afterSeconds: number;
  /** What failed, for the incident's title ("refused the connection"). */
  detail?: string;
  /**
   * Cannot be judged because a check it depends on is failing (a heartbeat while its whole cluster is
   * unreachable): its clock stands still, so it does not page as missing the moment the cluster is back,
   * before Prometheus has resent the heartbeat.
   */
  paused?: true;
};

/** The part of a snapshot view the checks read (lib/snapshots/snapshot-source.ts). */
type View<T> = {
  name: string;
  data: T | undefined;
  updatedAt: number | undefined;
  error?: { message: string };
};
type Alert = { labels: Record<string, string>; state: string; silencedBy: string[]; inhibitedBy: string[] };

/**
 * Whether one poll's alerts hold the heartbeat, active and unsilenced.
 *
 *   heartbeatSeen([{labels: {alertname: 'Watchdog'}, state: 'active', silencedBy: [], inhibitedBy: []}], {alertname: 'Watchdog'}) → true
 *   heartbeatSeen([{labels: {alertname: 'Watchdog'}, state: 'suppressed', silencedBy: ['s1'], inhibitedBy: []}], {alertname: 'Watchdog'}) → false
 */
export function heartbeatSeen(alerts: readonly Alert[], match: Record<string, string>): boolean {
  const entries = Object.entries(match);
  return alerts.some(
    (a) =>
      a.state === 'active' &&
      a.silencedBy.length === 0 &&
      a.inhibitedBy.length === 0 &&
      entries.every(([name, value]) => a.labels[name] === value),
  );
}

/** The answer of a view: undefined before any poll finished, false while the last poll failed. */
const answering = (view: View<unknown>) =>
  view.error ? false : view.updatedAt === undefined ? undefined : true;

/** Every check of the configured pipeline, observed in the current snapshots. */
export function observePipeline(
  views: {
    clusters: readonly View<{ alerts: readonly Alert[] }>[];
    prometheus: readonly View<unknown>[];
  },
  watch: PipelineWatchConfig,
): PipelineObservation[] {
  const observations: PipelineObservation[] = [];
  for (const view of views.clusters) {
    const reachable = answering(view);
    observations.push({
      key: `cluster:${view.name}`,
      kind: 'cluster',
      subject: view.name,
      ok: reachable,
      afterSeconds: watch.clusterUnreachableSeconds,
      detail: view.error?.message,
    });
    const heartbeat = watch.heartbeats[view.name];
    if (!heartbeat) continue;
    observations.push({
      key: `heartbeat:${view.name}`,
      kind: 'heartbeat',
      subject: view.name,
      ok: reachable && view.data ? heartbeatSeen(view.data.alerts, heartbeat.match) : undefined,
      afterSeconds: heartbeat.missingAfterSeconds,
      detail: matcherText(heartbeat.match),
      ...(reachable === false ? { paused: true as const } : {}),
    });
  }
  for (const view of views.prometheus)
    observations.push({
      key: `prometheus:${view.name}`,
      kind: 'prometheus',
      subject: view.name,
      ok: answering(view),
      afterSeconds: watch.prometheusUnreachableSeconds,
      detail: view.error?.message,
    });
  return observations;
}

/**
 * The samples of `vigil_pipeline_check_ok` for one evaluation, so Prometheus can alert on what Vigil
 * sees of the pipeline (and a second Vigil, or a dashboard, can show it). Checks not known now get no
 * sample: a 0 would claim a fault nobody has seen.
 *
 *   pipelineCheckSamples([{key: 'cluster:eu', kind: 'cluster', subject: 'eu', ok: false, …},
 *                         {key: 'heartbeat:eu', kind: 'heartbeat', subject: 'eu', ok: undefined, paused: true, …}])
 *     → [{labels: {check: 'cluster:eu', kind: 'cluster', subject: 'eu'}, value: 0}]
 */
export function pipelineCheckSamples(
  observations: readonly PipelineObservation[],
): { labels: { check: string; kind: PipelineCheckKind; subject: string }; value: 0 | 1 }[] {
  return observations.flatMap((o) =>
    o.ok === undefined
      ? []
      : [{ labels: { check: o.key, kind: o.kind, subject: o.subject }, value: o.ok ? 1 : 0 }],
  );
}

/** A stored check that no evaluation observes any more. */
export type UnwatchedCheck = { key: string; kind: PipelineCheckKind; subject: string };

const KINDS: readonly PipelineCheckKind[] = ['heartbeat', 'cluster', 'prometheus'];

/**
 * The stored checks the configuration no longer has: their cluster or Prometheus server was removed or
 * renamed, or the cluster's heartbeat turned off. Without this, the pipeline incident of a part that is
 * no longer watched would stay open for ever, since nothing observes it recover. Keys of another form
 * are left alone.
 *
 *   unwatchedChecks(['cluster:eu', 'cluster:us'], [{key: 'cluster:us'}])
 *     → [{key: 'cluster:eu', kind: 'cluster', subject: 'eu'}]
 */
export function unwatchedChecks(
  stored: readonly string[],
  observations: readonly Pick<PipelineObservation, 'key'>[],
): UnwatchedCheck[] {
  const watched = new Set(observations.map((o) => o.key));
  return stored.flatMap((key) => {
    const colon = key.indexOf(':');
    const kind = KINDS.find((k) => k === key.slice(0, colon));
    return watched.has(key) || !kind ? [] : [{ key, kind, subject: key.slice(colon + 1) }];
  });
}

/** `{alertname="Watchdog"}` */
const matcherText = (match: Record<string, string>) =>
  `{${Object.entries(match)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')}}`;

export type CheckState = {
  firstWatchedAt: Date;
  lastOkAt: Date | null;
  /** A pipeline incident is open for this check. */
  incidentOpen: boolean;
};

export type PipelineDecision = 'open' | 'recover' | 'none';

/**
 * What to do about one check now. It opens an incident when it has been broken for `afterSeconds`
 * since it last worked (or, never seen working, since Vigil first watched it), but never within the
 * start-up grace: right after a restart the first polls have not answered, and a "last seen" kept in
 * PostgreSQL from before a long stop must not page before Vigil has looked again. It recovers when it
 * works again while its incident is open.
 *
 *   decidePipelineCheck({firstWatchedAt: t0, lastOkAt: t0, incidentOpen: false}, false, t0 + 6 min,
 *     {afterSeconds: 300, startedAt: t0 - 1 h, graceSeconds: 120}) → 'open'
 *   … same with startedAt: t0 + 5 min (restarted a minute ago) → 'none'
 *   decidePipelineCheck({…, incidentOpen: true}, true, …) → 'recover'
 */
export function decidePipelineCheck(
  state: CheckState,
  ok: boolean | undefined,
  now: Date,
  timing: { afterSeconds: number; startedAt: Date; graceSeconds: number },
): PipelineDecision {
  if (ok === true) return state.incidentOpen ? 'recover' : 'none';
  if (ok === undefined || state.incidentOpen) return 'none';
  if (now.getTime() - timing.startedAt.getTime() < timing.graceSeconds * 1000) return 'none';
  const since = state.lastOkAt ?? state.firstWatchedAt;
  return now.getTime() - since.getTime() >= timing.afterSeconds * 1000 ? 'open' : 'none';
}

/**
 * The incident's title: what broke and what to check.
 *
 *   pipelineIncidentTitle({kind: 'cluster', subject: 'default', …})
 *     → 'Alerting pipeline: no peer of Alertmanager cluster default answers; check the Alertmanager processes and ALERTMANAGER_URLS'
 */
export function pipelineIncidentTitle(o: Pick<PipelineObservation, 'kind' | 'subject' | 'detail'>): string {
  switch (o.kind) {
    case 'heartbeat':
      return `Alerting pipeline: heartbeat ${o.detail ?? ''} missing from Alertmanager cluster ${o.subject}; check the Watchdog rule in Prometheus, its silences, and Prometheus → Alertmanager delivery`;
    case 'cluster':
      return `Alerting pipeline: no peer of Alertmanager cluster ${o.subject} answers; check the Alertmanager processes and ALERTMANAGER_URLS`;
    case 'prometheus':
      return `Alerting pipeline: Prometheus ${o.subject} does not answer; check the Prometheus process and PROMETHEUS_URL`;
  }
}
