import { severityClass } from '@/components/format/severity';
import { Badge } from '@/components/ui/badge';
import type { SilencePreview } from '@/lib/incidents/silence-preview';

/** Labels worth a glance beside the alert name; the matchers already say the rest. */
const KEY_LABELS = ['instance', 'job', 'service', 'namespace', 'pod', 'cluster'];

/**
 * The live preview of a silence: how many alerts firing now it would mute, a sample of them, and the
 * server's warning when that is none (a typo?) or a great many (too broad?). Announced politely to
 * screen readers as it changes.
 */
export function PreviewPanel({
  preview,
  idle,
  updating,
  error,
}: {
  preview?: SilencePreview;
  /** Why there is nothing to show (no valid matchers yet), or undefined. */
  idle?: string;
  updating: boolean;
  error?: string;
}) {
  return (
    <section
      aria-labelledby="silence-preview-title"
      aria-busy={updating}
      data-testid="silence-preview"
      className="flex min-w-0 flex-col gap-2 rounded-md border border-border bg-bg p-3 text-sm"
    >
      <h3 id="silence-preview-title" className="font-semibold">
        Preview
      </h3>
      <div aria-live="polite" className={`flex flex-col gap-2 ${updating ? 'opacity-60' : ''}`}>
        {idle ? (
          <p className="text-muted">{idle}</p>
        ) : error ? (
          <p className="text-danger">{error}</p>
        ) : preview ? (
          <>
            <p data-testid="silence-preview-count">
              Matches <strong>{preview.matching}</strong> of {preview.total} alerts firing now
            </p>
            {preview.warning ? (
              <p className="rounded-md border border-warn/60 bg-warn/10 p-2 font-medium text-warn">
                {preview.warning}
              </p>
            ) : null}
          </>
        ) : (
          <p className="text-muted">Looking for matching alerts…</p>
        )}
      </div>
      {!idle && !error && preview && preview.alerts.length > 0 ? (
        <ul aria-label="Alerts it would silence" className="flex max-h-80 flex-col gap-1 overflow-auto">
          {preview.alerts.map((a) => (
            <li key={a.fingerprint} className="flex flex-col gap-0.5 border-t border-border pt-1">
              <span className="flex items-center gap-2">
                <span
                  className={`rounded px-1 text-[0.65rem] font-semibold uppercase ${severityClass(a.severity)}`}
                >
                  {a.severity}
                </span>
                <span className="font-medium">{a.alertname}</span>
                {a.state === 'silenced' ? <Badge>already silenced</Badge> : null}
              </span>
              <span className="flex flex-wrap gap-x-2 font-mono text-xs text-muted">
                {KEY_LABELS.filter((l) => a.labels[l]).map((l) => (
                  <span key={l}>
                    {l}={a.labels[l]}
                  </span>
                ))}
              </span>
            </li>
          ))}
          {preview.matching > preview.alerts.length ? (
            <li className="pt-1 text-xs text-muted">and {preview.matching - preview.alerts.length} more</li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
