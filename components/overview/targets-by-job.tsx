import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { Overview } from '@/lib/overview/api-schema';

/** Scrape targets grouped by job; jobs with down targets first, down targets first with their error. */
export function TargetsByJob({ targets }: { targets: Overview['targets'] }) {
  return (
    <div id="targets">
      <Card title={`Scrape targets (${targets.down} down of ${targets.total})`}>
        <ul className="flex flex-col gap-3 text-sm" data-testid="targets">
          {targets.byJob.map((job) => (
            <li key={job.job}>
              <div className="mb-1 flex items-center gap-2 font-medium">
                {job.job}
                <Badge tone={job.down ? 'danger' : 'ok'}>
                  {job.down ? `${job.down} down` : `${job.up} up`}
                </Badge>
              </div>
              <ul className="flex flex-col gap-0.5 pl-2">
                {job.targets.map((t) => (
                  <li
                    key={`${t.server}-${t.instance}-${t.scrapeUrl}`}
                    data-health={t.health}
                    className="flex flex-wrap gap-x-2"
                  >
                    <span
                      className={
                        t.health === 'down' ? 'text-danger' : t.health === 'up' ? 'text-ok' : 'text-muted'
                      }
                    >
                      {t.health}
                    </span>
                    <span className="font-mono text-xs">{t.instance}</span>
                    {t.lastError ? <span className="text-xs text-muted">{t.lastError}</span> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
          {targets.byJob.length === 0 ? (
            <li className="text-muted">No targets (or Prometheus not reached yet).</li>
          ) : null}
        </ul>
      </Card>
    </div>
  );
}
