import type { RunbookFrontmatter } from './frontmatter';

/**
 * What the runbook index shows: search, review age and the alerts nobody wrote a runbook for. Pure.
 */

export type RunbookMeta = {
  slug: string;
  /** Relative to the project, e.g. `runbooks/instance-down.mdx`. */
  file: string;
  title: string;
  alerts: string[];
  severity: RunbookFrontmatter['severity'];
  owner: string;
  services: string[];
  /** YYYY-MM-DD. */
  lastReviewed: string;
  /** Lower-cased words of the body, for search; not sent to browsers. */
  text: string;
};

/** Runbooks not reviewed for this long are flagged on the index. */
const REVIEW_DAYS = 90;

/**
 * The words of an MDX body without markup: tags, code fences and Markdown punctuation go, attribute
 * values (queries, step titles) stay searchable.
 *
 *   searchableText('## Check\n<Step id="a" title="Restart it">Run `systemctl`</Step>') → 'check step id a title restart it run systemctl step'
 */
export function searchableText(body: string): string {
  return body
    .replace(/[<>{}[\]()#*_`|="'/\\~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Runbooks matching every word of `query` in their title, alert names, owner, services or text,
 * those matching in the title or alert names first; all of them for an empty query.
 *
 *   searchRunbooks(runbooks, 'disk full') → [disk-space-low, …]
 */
export function searchRunbooks<T extends RunbookMeta>(runbooks: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...runbooks];
  const scored: { runbook: T; score: number }[] = [];
  for (const runbook of runbooks) {
    const head = [runbook.title, runbook.slug, ...runbook.alerts].join(' ').toLowerCase();
    const all = [head, runbook.owner, runbook.services.join(' '), runbook.text].join(' ').toLowerCase();
    if (!words.every((w) => all.includes(w))) continue;
    scored.push({ runbook, score: words.filter((w) => head.includes(w)).length });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.runbook);
}

/**
 * Whether a runbook is due for review on `now`.
 *
 *   reviewOverdue('2026-08-01', new Date('2026-11-21')) → true (112 days)
 *   reviewOverdue('2026-10-01', new Date('2026-11-21')) → false
 */
export function reviewOverdue(lastReviewed: string, now: Date, days = REVIEW_DAYS): boolean {
  return now.getTime() - Date.parse(`${lastReviewed}T00:00:00Z`) > days * 86_400_000;
}

type UncoveredAlert = { alertname: string; count: number; fingerprint: string };

/**
 * Alert names firing now without a runbook, with how many alerts carry each and one fingerprint to
 * open, most frequent first: the index's to-do list.
 *
 *   uncoveredAlerts([{alertname: 'X', fingerprint: 'a', runbook: null}, {alertname: 'Y', fingerprint: 'b', runbook: {…}}])
 *     → [{alertname: 'X', count: 1, fingerprint: 'a'}]
 */
export function uncoveredAlerts(
  alerts: Iterable<{ alertname: string; fingerprint: string; runbook: unknown }>,
): UncoveredAlert[] {
  const byName = new Map<string, UncoveredAlert>();
  for (const a of alerts) {
    if (a.runbook) continue;
    const name = a.alertname || '(no alertname)';
    const entry = byName.get(name);
    if (entry) entry.count++;
    else byName.set(name, { alertname: name, count: 1, fingerprint: a.fingerprint });
  }
  return [...byName.values()].sort(
    (a, b) => b.count - a.count || (a.alertname < b.alertname ? -1 : a.alertname > b.alertname ? 1 : 0),
  );
}
