import type { ClusterAlert } from '@/lib/alertmanager/merge';
import { runInSlices, runToEnd } from '@/lib/event-loop';
import { type AlertEventInput, POLLER_RECEIVER } from './alert-event';

/**
 * Alert transitions seen by the poller. Alertmanager never sends silenced or inhibited alerts to the
 * webhook, so the webhook alone is not a complete history: after every successful poll of a cluster
 * the poller compares the alerts it last recorded with the merged list it just read, and records what
 * started and what ended. Its events share the webhook's idempotency key (fingerprint, startsAt,
 * status), so a change both report is stored once. Pure: lib/incidents/alert-ingest.ts stores the events.
 */

/** What the diff needs of an alert (a ClusterAlert has it all). */
export type TrackedAlert = Pick<
  ClusterAlert,
  'cluster' | 'fingerprint' | 'labels' | 'annotations' | 'startsAt' | 'endsAt' | 'peers'
>;

/** One successful poll: the merged alerts and which peers answered. */
export type PolledAlerts = {
  alerts: readonly TrackedAlert[];
  peers: readonly { name: string; ok: boolean }[];
};

export type Transitions = {
  events: AlertEventInput[];
  /**
   * The alerts to compare the next poll with: everything polled now, plus alerts that vanished while a
   * peer that reported them was down (we cannot tell whether they ended, so they stay open).
   */
  open: TrackedAlert[];
};

/**
 * Events between the open alerts (`undefined` before the first poll) and a new poll at `observedAt`:
 * - first poll: "firing" for every alert (idempotent: the webhook may have recorded them already);
 * - a new fingerprint: "firing";
 * - a later startsAt for a known fingerprint: the alert ended and fired again between two polls:
 *   "resolved" for the old firing (ended by the new start at the latest) and "firing" for the new one.
 *   An earlier startsAt is the same firing, corrected when another peer knew it longer: "firing" for
 *   the earlier start only;
 * - a fingerprint gone, while every peer that reported it answered: "resolved", ended at its own endsAt
 *   when that has passed (it timed out), else at `observedAt` (at most one poll interval late);
 * - a fingerprint gone while a peer that reported it is down: nothing yet, it stays open. (While one
 *   peer still reports it, it is in the merged list and nothing happens either.)
 *
 * @example alertTransitions(
 *   [{fingerprint:'a', startsAt:'…T08:00:00.000Z', endsAt:'…T08:20:00.000Z', peers:['default peer 1'], …}],
 *   {alerts:[{fingerprint:'b', startsAt:'…T08:09:00.000Z', …}], peers:[{name:'default peer 1', ok:true}]},
 *   '2026-11-21T08:10:00.000Z')
 *   → {events:[{fingerprint:'b', status:'firing', startsAt:'…T08:09:00.000Z', endsAt:null, …},
 *              {fingerprint:'a', status:'resolved', startsAt:'…T08:00:00.000Z', endsAt:'2026-11-21T08:10:00.000Z', …}],
 *      open:[{fingerprint:'b', …}]}
 */
export function alertTransitions(
  open: readonly TrackedAlert[] | undefined,
  next: PolledAlerts,
  observedAt: string,
): Transitions {
  return runToEnd(transitionSteps(open, next, observedAt));
}

/**
 * alertTransitions a slice of alerts at a time with the event loop free in between, as the poller
 * records them (lib/incidents/alert-ingest.ts): a poll that brings 10,000 new alerts makes 10,000
 * events, which in one go held the main thread for 40–60 ms.
 */
export function alertTransitionsInSlices(
  open: readonly TrackedAlert[] | undefined,
  next: PolledAlerts,
  observedAt: string,
): Promise<Transitions> {
  return runInSlices(transitionSteps(open, next, observedAt));
}

/** alertTransitions, yielding after each alert it compares. */
function* transitionSteps(
  open: readonly TrackedAlert[] | undefined,
  next: PolledAlerts,
  observedAt: string,
): Generator<void, Transitions> {
  const before = new Map((open ?? []).map((a) => [a.fingerprint, a]));
  const now = new Map(next.alerts.map((a) => [a.fingerprint, a]));
  const events: AlertEventInput[] = [];
  const stillOpen: TrackedAlert[] = [...next.alerts];

  for (const alert of next.alerts) {
    const known = before.get(alert.fingerprint);
    // The poll worker hands over the very object of an alert that did not change
    // (lib/alertmanager/alerts-transfer.ts): nothing to compare, and at 10,000 alerts most are.
    if (known === alert) continue;
    if (!known) events.push(firing(alert));
    else if (time(alert.startsAt) > time(known.startsAt))
      events.push(resolved(known, earliest(known.endsAt, alert.startsAt, observedAt)), firing(alert));
    else if (time(alert.startsAt) < time(known.startsAt)) events.push(firing(alert));
    yield;
  }
  for (const known of before.values()) {
    if (now.has(known.fingerprint)) continue;
    if (reportersAnswered(known.peers, next.peers))
      events.push(resolved(known, earliest(known.endsAt, observedAt)));
    else stillOpen.push(known);
    yield;
  }
  return { events, open: stillOpen };
}

/**
 * Whether an alert missing from a poll can be taken as ended: only when every peer that reported it
 * answered this poll. A peer that is down may still hold it. `reportedBy` undefined (not known: a firing
 * read back from the database, or an alert the previous poll did not list) stands for every peer.
 *
 * @example reportersAnswered(['p1'], [{name:'p1', ok:true}, {name:'p2', ok:false}]) → true
 * @example reportersAnswered(['p2'], [{name:'p1', ok:true}, {name:'p2', ok:false}]) → false
 * @example reportersAnswered(undefined, [{name:'p1', ok:true}, {name:'p2', ok:false}]) → false
 */
export function reportersAnswered(
  reportedBy: readonly string[] | undefined,
  peers: PolledAlerts['peers'],
): boolean {
  const answered = new Set(peers.filter((p) => p.ok).map((p) => p.name));
  return (reportedBy ?? peers.map((p) => p.name)).every((peer) => answered.has(peer));
}

/**
 * Whether an alert is gone from `next` for certain: absent, and every peer that reported it in
 * `previous` (every peer, when `previous` did not list it) answered `next`. The acknowledgement
 * reconciler closes acknowledgements on it (lib/incidents/ack-reconciler.ts).
 *
 * @example alertGone('a', {alerts:[{fingerprint:'a', peers:['p2'], …}], peers:[…]},
 *   {alerts:[], peers:[{name:'p1', ok:true}, {name:'p2', ok:false}]}) → false   // only p2 knew it
 */
export function alertGone(
  fingerprint: string,
  previous: Pick<PolledAlerts, 'alerts'> | undefined,
  next: PolledAlerts,
): boolean {
  if (next.alerts.some((a) => a.fingerprint === fingerprint)) return false;
  const before = previous?.alerts.find((a) => a.fingerprint === fingerprint);
  return reportersAnswered(before?.peers, next.peers);
}

/** One firing as stored in `alert_events` with no resolution after it (lib/incidents/open-firings.ts). */
export type StoredFiring = Pick<
  TrackedAlert,
  'cluster' | 'fingerprint' | 'labels' | 'annotations' | 'startsAt'
> & {
  /** When it was stored. */
  receivedAt: string;
};

/** The end of a stored firing is unknown: it resolves at the poll that sees it gone. */
const UNKNOWN_END = '9999-12-31T23:59:59.999Z';

/**
 * The stored open firings of a cluster as the open alerts to compare a process's first poll with, so
 * an alert that resolved while Vigil was down is recorded resolved (at that poll) instead of staying
 * open for ever. Which peers reported a stored firing is not stored: every peer of the poll stands in,
 * so it resolves only once every peer answers without it.
 *
 * @example trackStoredFirings([{fingerprint:'a', startsAt:'…T08:00:00.000Z', …}], ['p1', 'p2'])
 *   → [{fingerprint:'a', startsAt:'…T08:00:00.000Z', endsAt:'9999-12-31T23:59:59.999Z', peers:['p1','p2'], …}]
 */
export function trackStoredFirings(
  stored: readonly StoredFiring[],
  peers: readonly string[],
): TrackedAlert[] {
  return stored.map(({ receivedAt: _, ...s }) => ({ ...s, endsAt: UNKNOWN_END, peers: [...peers] }));
}

/**
 * How long a stored firing must have been stored before a process's first poll may resolve it. Another
 * instance may have stored it from a poll newer than this one (polls of several instances are not in
 * step), or the webhook just now: the first poll then does not show it yet, though it fires.
 */
const SETTLE_MS = 60_000;

/**
 * The first poll of a process at `observedAt`, compared with the stored open firings (see
 * trackStoredFirings). Firings stored less than a minute before are not resolved by this poll, only
 * carried to the next one, which sees them if they still fire.
 *
 * @example firstPollAgainstStored(
 *   [{fingerprint:'a', receivedAt:'…T07:00:00.000Z', …}, {fingerprint:'b', receivedAt:'…T08:09:59.000Z', …}],
 *   {alerts:[], peers:[{name:'p1', ok:true}]}, '2026-11-21T08:10:00.000Z')
 *   → {events:[{fingerprint:'a', status:'resolved', endsAt:'2026-11-21T08:10:00.000Z', …}], open:[{fingerprint:'b', …}]}
 */
export function firstPollAgainstStored(
  stored: readonly StoredFiring[],
  next: PolledAlerts,
  observedAt: string,
): Transitions {
  return runToEnd(firstPollSteps(stored, next, observedAt));
}

/** firstPollAgainstStored a slice of alerts at a time (see alertTransitionsInSlices). */
export function firstPollAgainstStoredInSlices(
  stored: readonly StoredFiring[],
  next: PolledAlerts,
  observedAt: string,
): Promise<Transitions> {
  return runInSlices(firstPollSteps(stored, next, observedAt));
}

function* firstPollSteps(
  stored: readonly StoredFiring[],
  next: PolledAlerts,
  observedAt: string,
): Generator<void, Transitions> {
  const peers = next.peers.map((p) => p.name);
  const settled = (s: StoredFiring) => time(s.receivedAt) <= time(observedAt) - SETTLE_MS;
  const result = yield* transitionSteps(trackStoredFirings(stored.filter(settled), peers), next, observedAt);
  const open = new Set(result.open.map((a) => a.fingerprint));
  const recent = stored.filter((s) => !settled(s) && !open.has(s.fingerprint));
  return { events: result.events, open: [...result.open, ...trackStoredFirings(recent, peers)] };
}

const time = (iso: string) => Date.parse(iso);

/** @example earliest('…T08:20:00.000Z', '…T08:10:00.000Z') → '…T08:10:00.000Z' */
function earliest(...isos: string[]): string {
  return new Date(Math.min(...isos.map(time))).toISOString();
}

function event(alert: TrackedAlert): Omit<AlertEventInput, 'status' | 'endsAt'> {
  return {
    cluster: alert.cluster,
    fingerprint: alert.fingerprint,
    alertname: alert.labels.alertname ?? '',
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    receiver: POLLER_RECEIVER,
    groupKey: '',
  };
}

const firing = (alert: TrackedAlert): AlertEventInput => ({
  ...event(alert),
  status: 'firing',
  endsAt: null,
});

const resolved = (alert: TrackedAlert, endsAt: string): AlertEventInput => ({
  ...event(alert),
  status: 'resolved',
  endsAt,
});
