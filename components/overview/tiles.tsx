import type { ReactNode } from 'react';
import { Link } from '@/components/ui/link';
import type { Overview } from '@/lib/overview/api-schema';

const SEVERITY_TONE: Record<string, string> = {
  critical: 'text-danger',
  warning: 'text-warn',
  info: 'text-accent',
};

/** Counted apart from firing (lib/alerts/alert-counts.ts): an acknowledged alert is not "silenced". */
const MUTED = ['acknowledged', 'silenced', 'inhibited'] as const;

function Tile({
  title,
  href,
  tone,
  children,
}: {
  title: string;
  href: string;
  tone?: string;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      className="flex flex-col gap-1 rounded-lg border border-border bg-surface p-3 hover:border-accent focus-visible:outline-2 focus-visible:outline-accent"
    >
      <span className="text-xs font-medium uppercase tracking-wide text-muted">{title}</span>
      <span className={`text-sm ${tone ?? ''}`}>{children}</span>
    </Link>
  );
}

export function Tiles({ overview }: { overview: Overview }) {
  const { alerts, targets, rules, alertmanagers, prometheus, loki } = overview;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5" data-testid="status-tiles">
      <Tile title="Firing alerts" href="/alerts">
        <span className="text-2xl font-semibold" data-testid="tile-firing">
          {alerts.firing}
        </span>
        <span className="flex flex-wrap gap-x-2 text-xs">
          {Object.entries(alerts.bySeverity)
            .filter(([, n]) => n > 0)
            .map(([s, n]) => (
              <span key={s} className={SEVERITY_TONE[s] ?? 'text-muted'}>
                {n} {s}
              </span>
            ))}
          {MUTED.filter((k) => alerts[k] > 0).map((k) => (
            <span key={k} className="text-muted" data-testid={`tile-${k}`}>
              {alerts[k]} {k}
            </span>
          ))}
        </span>
      </Tile>
      <Tile title="Targets down" href="#targets" tone={targets.down ? 'text-danger' : 'text-ok'}>
        <span className="text-2xl font-semibold" data-testid="tile-targets-down">
          {targets.down}
        </span>
        <span className="text-xs text-muted"> of {targets.total}</span>
      </Tile>
      <Tile title="Rules in error" href="#rules" tone={rules.errors.length ? 'text-danger' : 'text-ok'}>
        <span className="text-2xl font-semibold">{rules.errors.length}</span>
        <span className="text-xs text-muted"> of {rules.total}</span>
      </Tile>
      <Tile title="Alertmanager" href="/alerts">
        {alertmanagers.map((c) => {
          const up = c.peers.filter((p) => p.ok).length;
          return (
            <span
              key={c.cluster}
              className={`block ${up === c.peers.length && up > 0 ? 'text-ok' : up ? 'text-warn' : 'text-danger'}`}
            >
              {c.cluster}: {up}/{c.peers.length} peers{c.version ? `, v${c.version}` : ''}
              {c.clusterStatus && c.clusterStatus !== 'ready' ? ` (${c.clusterStatus})` : ''}
            </span>
          );
        })}
        {prometheus.map((p) => (
          <span key={p.name} className={`block text-xs ${p.ok ? 'text-muted' : 'text-danger'}`}>
            Prometheus {p.name}: {p.ok ? `up${p.version ? `, v${p.version}` : ''}` : 'down'}
          </span>
        ))}
      </Tile>
      <Tile
        title="Loki"
        href="/alerts"
        tone={!loki.configured ? 'text-muted' : loki.ready ? 'text-ok' : 'text-danger'}
      >
        {!loki.configured
          ? 'Not configured (set LOKI_URL)'
          : loki.ready
            ? 'Ready'
            : `Not ready: ${loki.detail}`}
      </Tile>
    </div>
  );
}
