import { z } from 'zod';
import { matchesLabels } from '@/lib/alertmanager/matchers';
import { fromSilenceMatcher, type SilenceMatcher } from '@/lib/alertmanager/silence-matchers';
import type { IndexedAlert } from '@/lib/alerts/alert-items';

/**
 * What a silence would mute, before it is saved: the alerts of its cluster that its matchers match now,
 * worst first, with a warning when that is nothing (a typo?) or a great many (too broad?). Pure.
 */

/** More than this many alerts, or more than half of a cluster's alerts, is worth a second look. */
const MANY_ALERTS = 50;
const SAMPLE = 20;

export const silencePreviewSchema = z.object({
  matching: z.number().int(),
  total: z.number().int(),
  alerts: z.array(
    z.object({
      fingerprint: z.string(),
      alertname: z.string(),
      severity: z.string(),
      summary: z.string().nullable(),
      labels: z.record(z.string(), z.string()),
      state: z.string(),
    }),
  ),
  warning: z.string().nullable(),
});
export type SilencePreview = z.infer<typeof silencePreviewSchema>;

/**
 *   previewSilence([alertname="Watchdog"], alerts of the cluster) → {matching: 1, total: 12, alerts: [Watchdog], warning: null}
 *   previewSilence([alertname="Watchdgo"], …) → {matching: 0, …, warning: 'These matchers match no alert firing now…'}
 */
export function previewSilence(
  matchers: readonly SilenceMatcher[],
  alerts: readonly IndexedAlert[],
): SilencePreview {
  const parsed = matchers.map(fromSilenceMatcher);
  const matching = alerts.filter((a) => matchesLabels(parsed, a.item.labels));
  return {
    matching: matching.length,
    total: alerts.length,
    alerts: matching.slice(0, SAMPLE).map(({ item }) => ({
      fingerprint: item.fingerprint,
      alertname: item.alertname,
      severity: item.severity,
      summary: item.summary,
      labels: item.labels,
      state: item.state,
    })),
    warning: warningFor(matching.length, alerts.length),
  };
}

function warningFor(matching: number, total: number): string | null {
  if (matching === 0)
    return 'These matchers match no alert firing now. Check the label names and values, unless the silence is for alerts still to come.';
  if (matching > MANY_ALERTS || (total >= 10 && matching > total / 2))
    return `These matchers match ${matching} of ${total} alerts firing now. Make sure the silence is not broader than meant.`;
  return null;
}
