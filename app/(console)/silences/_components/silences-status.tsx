import { formatDuration } from '@/components/format/duration';
import type { SilencesAnswer } from '@/lib/incidents/silence-schemas';

/**
 * "updated 4 s ago" from the oldest Alertmanager snapshot behind the list, and a banner per cluster
 * that failed, saying what the list still shows and what to check.
 */
export function SilencesStatus({
  data,
  nowMs,
  paused,
}: {
  data?: SilencesAnswer;
  nowMs: number;
  paused: boolean;
}) {
  if (!data) return null;
  const times = data.clusters.map((c) => (c.fetchedAt ? Date.parse(c.fetchedAt) : undefined));
  const oldest = times.includes(undefined) ? undefined : Math.min(...(times as number[]));
  const age = oldest === undefined ? undefined : Math.max(0, Math.round((nowMs - oldest) / 1000));
  const failing = data.clusters.filter((c) => c.error);
  return (
    <>
      <p
        data-testid="silences-freshness"
        className={`text-xs ${age === undefined || age > 30 ? 'font-medium text-warn' : 'text-muted'}`}
        suppressHydrationWarning
      >
        {age === undefined ? 'no silences fetched from Alertmanager yet' : `updated ${age} s ago`}
        {paused ? <span className="ml-2">· refresh paused while the dialog is open</span> : null}
      </p>
      {failing.map((c) => (
        <div
          key={c.name}
          role="alert"
          className="w-full rounded-md border border-warn/60 bg-warn/10 p-2 text-sm"
          data-testid="cluster-error"
        >
          <p className="font-medium">
            Alertmanager cluster {c.name}: {c.error}
          </p>
          <p className="text-muted" suppressHydrationWarning>
            {c.fetchedAt
              ? `The list shows its silences as they were ${formatDuration((nowMs - Date.parse(c.fetchedAt)) / 1000)} ago.`
              : 'None of its silences could be fetched yet, so they are missing from the list.'}{' '}
            Check that its peers are up and reachable from Vigil (ALERTMANAGER_URLS or VIGIL_CONFIG); the
            health indicator in the header shows which peer does not answer.
          </p>
        </div>
      ))}
    </>
  );
}
