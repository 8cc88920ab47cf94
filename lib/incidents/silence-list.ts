import { z } from 'zod';
import { type Matcher, matchesLabels } from '@/lib/alertmanager/matchers';
import type { Silence } from '@/lib/alertmanager/schemas';
import {
  formatSilenceMatchers,
  fromSilenceMatcher,
  type SilenceMatcher,
} from '@/lib/alertmanager/silence-matchers';

/**
 * The silences page: every silence Alertmanager holds (made in Vigil, with amtool or by any other
 * tool), with what Vigil knows of it and how many alerts it mutes now. Pure.
 */

export const SILENCE_STATES = ['active', 'pending', 'expired'] as const;
export type SilenceState = (typeof SILENCE_STATES)[number];

/** Active silences worth a second look: ending soon while they mute, running long, muting nothing. */
export const SILENCE_ATTENTION = ['expiring', 'long-lived', 'idle'] as const;
export type SilenceAttention = (typeof SILENCE_ATTENTION)[number];

export function needsAttention(row: SilenceRow, kind: SilenceAttention): boolean {
  if (kind === 'expiring') return row.expiringSoon;
  if (kind === 'long-lived') return row.longLived;
  return row.matchesNothing;
}

/** How many of `rows` need each kind of attention (the page's "needs attention" line). */
export function attentionCounts(rows: readonly SilenceRow[]): Record<SilenceAttention, number> {
  const counts = { expiring: 0, 'long-lived': 0, idle: 0 };
  for (const row of rows) for (const kind of SILENCE_ATTENTION) if (needsAttention(row, kind)) counts[kind]++;
  return counts;
}

/** What counts as ending soon and as long-lived (VIGIL_CONFIG `silences`, lib/config/load.ts). */
export type SilenceHygiene = { expiringSoonMs: number; longLivedMs: number };

export const silenceRowSchema = z.object({
  id: z.string(),
  cluster: z.string(),
  state: z.enum(SILENCE_STATES),
  matchers: z.array(
    z.object({ name: z.string(), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean() }),
  ),
  /** As amtool writes them, e.g. `alertname="X", instance=~"db.*"`. */
  matchersText: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
  /** Alerts this silence mutes now (Alertmanager's silencedBy). */
  silencedAlerts: z.number().int(),
  /** Active, ends within the configured time (default 1 h), and still mutes firing alerts. */
  expiringSoon: z.boolean(),
  /** Active and running longer than the configured time (default 7 days) since it started. */
  longLived: z.boolean(),
  /** Active and muting no alert firing now: a typo, or work that is over. */
  matchesNothing: z.boolean(),
  /** Vigil's record of it; null for silences made elsewhere. */
  record: z
    .object({
      id: z.string(),
      incident: z.object({ id: z.string(), number: z.number().int() }).nullable(),
      ackId: z.string().nullable(),
      previousIds: z.array(z.string()),
    })
    .nullable(),
});
export type SilenceRow = z.infer<typeof silenceRowSchema>;
export type SilenceRecordInfo = NonNullable<SilenceRow['record']> & { silenceId: string };

export type SilenceFilter = {
  state?: SilenceState;
  /** Label matchers: a silence passes when, for each, it has a matcher on that label whose value satisfies it. */
  matchers: readonly Matcher[];
  /** Words that must all occur in the matchers, comment or creator. */
  text: readonly string[];
  creator?: string;
};

/**
 * One row per silence, with Vigil's record when it has one (also under an id the silence had before an
 * edit). The counts come from the alerts' silencedBy.
 *
 *   silenceRows([{id:'s1', state:'active', endsAt: in 20 min, …}], 'default', new Map([['s1', 3]]), [], now,
 *               {expiringSoonMs: 3_600_000, longLivedMs: 7 days})
 *     → [{id:'s1', silencedAlerts: 3, expiringSoon: true, longLived: false, matchesNothing: false, record: null, …}]
 */
export function silenceRows(
  silences: readonly Silence[],
  cluster: string,
  silencedCounts: ReadonlyMap<string, number>,
  records: readonly SilenceRecordInfo[],
  nowMs: number,
  hygiene: SilenceHygiene,
): SilenceRow[] {
  const byId = new Map<string, SilenceRecordInfo>();
  for (const r of records) {
    byId.set(r.silenceId, r);
    for (const old of r.previousIds) if (!byId.has(old)) byId.set(old, r);
  }
  return silences.map((s) => {
    const silencedAlerts = silencedCounts.get(s.id) ?? 0;
    const record = byId.get(s.id);
    return {
      id: s.id,
      cluster,
      state: s.state,
      matchers: s.matchers.map((m) => ({ ...m, isEqual: m.isEqual ?? true })),
      matchersText: formatSilenceMatchers(s.matchers),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      createdBy: s.createdBy,
      comment: s.comment,
      silencedAlerts,
      // Vigil extends an acknowledgement's silence itself while its alert fires.
      expiringSoon: !record?.ackId && endsSoon(s, silencedAlerts, nowMs, hygiene.expiringSoonMs),
      longLived: s.state === 'active' && nowMs - Date.parse(s.startsAt) > hygiene.longLivedMs,
      matchesNothing: s.state === 'active' && silencedAlerts === 0,
      record: record
        ? { id: record.id, incident: record.incident, ackId: record.ackId, previousIds: record.previousIds }
        : null,
    };
  });
}

/**
 * Whether a silence that still mutes firing alerts ends soon enough to warn about: within `windowMs`,
 * and past the middle of its span. The second half keeps a silence made for less than the window (the
 * one-hour preset with the default hour) from being flagged, and its creator e-mailed, the moment it is
 * made, when whoever made it knows when it ends.
 *
 *   endsSoon({state: 'active', startsAt: 10:00, endsAt: 11:00}, 3, now 10:05, 1 h) → false (55 min of 60 left)
 *   endsSoon({state: 'active', startsAt: 10:00, endsAt: 11:00}, 3, now 10:40, 1 h) → true
 *   endsSoon({state: 'active', startsAt: 08:00, endsAt: 11:00}, 3, now 10:05, 1 h) → true
 */
export function endsSoon(
  silence: Pick<Silence, 'state' | 'startsAt' | 'endsAt'>,
  mutedAlerts: number,
  nowMs: number,
  windowMs: number,
): boolean {
  if (silence.state !== 'active' || mutedAlerts === 0) return false;
  const endsAt = Date.parse(silence.endsAt);
  const left = endsAt - nowMs;
  return left < windowMs && left < (endsAt - Date.parse(silence.startsAt)) / 2;
}

/** How many alerts each silence mutes, from the alerts' silencedBy. */
export function silencedCounts(alerts: Iterable<{ silencedBy: readonly string[] }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of alerts) for (const id of a.silencedBy) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export function filterSilences(rows: readonly SilenceRow[], filter: SilenceFilter): SilenceRow[] {
  const words = filter.text.map((w) => w.toLowerCase());
  const creator = filter.creator?.toLowerCase();
  return rows.filter(
    (row) =>
      (!filter.state || row.state === filter.state) &&
      (!creator || row.createdBy.toLowerCase().includes(creator)) &&
      filter.matchers.every((m) => row.matchers.some((sm) => covers(sm, m))) &&
      words.every((w) => `${row.matchersText}\0${row.comment}\0${row.createdBy}`.toLowerCase().includes(w)),
  );
}

/**
 * Whether a silence matcher is "about" what a filter matcher asks, on the same label:
 * - an equality filter asks "would this silence apply to that value?": `instance="db-1"` finds silences on
 *   `instance="db-1"` and on `instance=~"db-.*"`;
 * - any other filter is applied to the silence's value: `instance=~"db.*"` finds `instance="db-1"`;
 * - the very same matcher always counts.
 */
function covers(silenceMatcher: SilenceMatcher, filter: Matcher): boolean {
  if (silenceMatcher.name !== filter.name) return false;
  const own = fromSilenceMatcher(silenceMatcher);
  if (own.op === filter.op && own.value === filter.value) return true;
  if (filter.op === '=') return matchesLabels([own], { [filter.name]: filter.value });
  return matchesLabels([filter], { [filter.name]: silenceMatcher.value });
}

/** States in the order of the page's tabs; active and pending ending soonest first, expired latest-ended first. */
export function sortSilences(rows: SilenceRow[]): SilenceRow[] {
  const rank = { active: 0, pending: 1, expired: 2 } as const;
  return rows.sort(
    (a, b) =>
      rank[a.state] - rank[b.state] ||
      (a.state === 'expired' ? b.endsAt.localeCompare(a.endsAt) : a.endsAt.localeCompare(b.endsAt)) ||
      a.id.localeCompare(b.id),
  );
}
