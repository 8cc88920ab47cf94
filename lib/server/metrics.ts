/**
 * Vigil's own /metrics in the Prometheus text format (version 0.0.4). Pure: the caller gathers the
 * values, so the format is unit-tested.
 */

export type Sample = { labels?: Record<string, string>; value: number };
export type Metric = { name: string; help: string; type: 'gauge' | 'counter'; samples: Sample[] };

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

export function renderMetrics(metrics: Metric[]): string {
  const lines: string[] = [];
  for (const m of metrics) {
    lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} ${m.type}`);
    for (const s of m.samples) {
      const labels = Object.entries(s.labels ?? {});
      const rendered = labels.length
        ? `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`
        : '';
      lines.push(`${m.name}${rendered} ${Number.isFinite(s.value) ? s.value : 'NaN'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
