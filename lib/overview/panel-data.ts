import 'server-only';
import { config } from '@/lib/config/current';
import type { Panel, PanelGroup } from '@/lib/config/panel-types';
import { NotFoundError } from '@/lib/errors';
import { stepForRange } from '@/lib/prometheus/step';
import type { PanelData } from './api-schema';
import { alignedRange, expandExpr, formatLegend, RANGES, type RangeKey } from './chart-range';
import { BUILTIN_PANEL_GROUPS } from './panels';
import { cachedInstantQuery, cachedRangeQuery, prometheusServer } from './prometheus-queries';

function allPanelGroups(): PanelGroup[] {
  return [...BUILTIN_PANEL_GROUPS, ...config().panelGroups];
}

function findPanel(groupId: string, panelId: string): { group: PanelGroup; panel: Panel } {
  const group = allPanelGroups().find((g) => g.id === groupId);
  const panel = group?.panels.find((p) => p.id === panelId);
  if (!group || !panel) throw new NotFoundError(`No panel ${groupId}/${panelId}.`);
  return { group, panel };
}

async function metricExists(serverName: string | undefined, metric: string): Promise<boolean> {
  const result = await cachedInstantQuery(prometheusServer(serverName), `count(${metric})`);
  return result.type === 'vector' && result.samples.length > 0;
}

export async function panelData(groupId: string, panelId: string, rangeKey: RangeKey): Promise<PanelData> {
  const { group, panel } = findPanel(groupId, panelId);
  const server = prometheusServer(group.prometheus);
  const stepSeconds = stepForRange(RANGES[rangeKey]);
  const range = { ...alignedRange(RANGES[rangeKey], stepSeconds, Date.now()), stepSeconds };
  const results = await Promise.all(
    panel.queries.map(async (q) => {
      const series = await cachedRangeQuery(server, expandExpr(q.expr, stepSeconds), range);
      return series.map((s) => ({ name: formatLegend(q.legend, s.labels), points: s.points }));
    }),
  );
  const series = results.flat();
  let missing: string | undefined;
  if (series.length === 0)
    missing =
      panel.requires && !(await metricExists(group.prometheus, panel.requires.metric))
        ? `No ${panel.requires.metric} series in Prometheus ${server.name}: is ${panel.requires.exporter} running and scraped?`
        : 'No data in this time range.';
  return { title: panel.title, unit: panel.unit, thresholds: panel.thresholds, range, series, missing };
}

/**
 * The groups to show: optional ones (containers, Redis) only when their first panel's metric exists,
 * so a team without cAdvisor does not get a board of "missing" charts.
 */
export async function visiblePanelGroups(): Promise<
  { id: string; title: string; panels: { id: string; title: string }[] }[]
> {
  const groups = await Promise.all(
    allPanelGroups().map(async (g) => {
      const metric = g.panels[0]?.requires?.metric;
      if (g.optional && metric && !(await metricExists(g.prometheus, metric).catch(() => false)))
        return undefined;
      return { id: g.id, title: g.title, panels: g.panels.map((p) => ({ id: p.id, title: p.title })) };
    }),
  );
  return groups.filter((g) => g !== undefined);
}
