/**
 * The deadline of one peer's alert list. A list of 10,000 alerts takes Alertmanager seconds to
 * serialise, and more on a loaded machine, so a fixed upstream timeout (5 s by default) that suits
 * every other request would make large lists never arrive. The deadline follows the peer's own pace
 * instead. Pure: poll-worker.ts keeps the history per peer.
 */

/** What happened to the previous reads of one peer. */
export type ReadHistory = {
  /** How long the last successful read took (ms). */
  lastOkMs?: number;
  /** The deadline of the last read, when it ran out (cleared by a success). */
  timedOutAtMs?: number;
};

/** How many times the last successful read's duration the next read may take. */
const PACE_FACTOR = 3;
/** The most a deadline grows to, as a multiple of the configured timeout and at least this long. */
const CAP_FACTOR = 12;
const CAP_FLOOR_MS = 60_000;

/** The longest any alert read may take with this configured timeout. */
export const readDeadlineCapMs = (timeoutMs: number) =>
  Math.max(timeoutMs, Math.min(CAP_FLOOR_MS, timeoutMs * CAP_FACTOR));

/**
 * The larger of the configured timeout, three times the last successful read and twice a deadline that
 * just ran out (so a list that outgrew its deadline gets through within a few polls), never more than
 * the cap: 12× the timeout, at most 60 s unless the timeout itself is longer.
 *
 * @example readDeadlineMs(5_000, {}) → 5000
 * @example readDeadlineMs(5_000, {lastOkMs: 4_000}) → 12000
 * @example readDeadlineMs(5_000, {timedOutAtMs: 5_000}) → 10000
 * @example readDeadlineMs(5_000, {lastOkMs: 30_000}) → 60000
 */
export function readDeadlineMs(timeoutMs: number, history: ReadHistory): number {
  const wanted = Math.max(timeoutMs, PACE_FACTOR * (history.lastOkMs ?? 0), 2 * (history.timedOutAtMs ?? 0));
  return Math.min(readDeadlineCapMs(timeoutMs), Math.ceil(wanted));
}

/**
 * The history after a read: a success records its duration, a timeout its deadline, any other failure
 * (a refused connection, a 5xx) says nothing about the pace and keeps the history.
 */
export function nextHistory(
  history: ReadHistory,
  outcome: { ok: true; ms: number } | { ok: false; timedOut: boolean; deadlineMs: number },
): ReadHistory {
  if (outcome.ok) return { lastOkMs: outcome.ms };
  return outcome.timedOut ? { ...history, timedOutAtMs: outcome.deadlineMs } : history;
}

/**
 * Alertmanager releases before prometheus/alertmanager#4607 (merged October 2025; Debian 12 ships 0.25)
 * check each alert they list against every source alert of each inhibit rule: listing is quadratic in the
 * alerts. Measured here with one rule (critical inhibits warning on equal instance): 10,000 alerts took
 * 4–6 s with the rule and 0.4 s without; 50,000 got no answer within 13 minutes.
 */
const INHIBITION_NOTE =
  'An inhibit rule whose source matches many alerts makes Alertmanager before the October 2025 inhibition index (prometheus/alertmanager#4607) list them in time that grows with the square of their number: upgrade it or narrow the rule.';

/**
 * What a timed-out alert read tells the operator: the deadline it had, and which setting to raise.
 *
 * @example timeoutHint({cluster: 'default', timeoutMs: 5000, deadlineMs: 10000, lastOkMs: undefined})
 *   → "Alertmanager took longer than 10 s to send its alerts (the deadline grows with … ); raise
 *      VIGIL_UPSTREAM_TIMEOUT_SECONDS (now 5 s) or `upstreamTimeout` in VIGIL_CONFIG …"
 */
export function timeoutHint(o: {
  cluster: string;
  timeoutMs: number;
  deadlineMs: number;
  lastOkMs: number | undefined;
}): string {
  const s = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  const setting =
    o.cluster === 'default'
      ? `VIGIL_UPSTREAM_TIMEOUT_SECONDS (now ${s(o.timeoutMs)}) or \`upstreamTimeout\` in VIGIL_CONFIG`
      : `\`timeout\` of alertmanagers "${o.cluster}" in VIGIL_CONFIG (now ${s(o.timeoutMs)})`;
  const previous =
    o.lastOkMs === undefined ? 'no earlier read succeeded' : `the last one took ${s(o.lastOkMs)}`;
  if (o.deadlineMs >= readDeadlineCapMs(o.timeoutMs))
    return `The alert list did not arrive within ${s(o.deadlineMs)}, the longest Vigil waits with this timeout (${previous}). Check the Alertmanager's load, or raise ${setting}: alert reads may take up to 12 times it (at most 60 s unless it is longer). ${INHIBITION_NOTE}`;
  return `The alert list did not arrive within ${s(o.deadlineMs)} (${previous}); the next polls wait longer, up to ${s(readDeadlineCapMs(o.timeoutMs))}. If this persists, raise ${setting}.`;
}
