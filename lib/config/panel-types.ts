import { z } from 'zod';

/**
 * Overview panels are data: a title, PromQL queries, a unit and thresholds. Adding a panel is one
 * entry in lib/overview/panels.ts, or in VIGIL_CONFIG under `panels:` for a team's own boards.
 * `$__rate` in an expression is replaced by a rate window that suits the chart's step.
 */

export const PANEL_UNITS = [
  'percent',
  'bytes',
  'bytesPerSecond',
  'seconds',
  'perSecond',
  'ratio',
  'count',
] as const;
export type PanelUnit = (typeof PANEL_UNITS)[number];

const panelSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'must be lower-case letters, digits and "-"' }),
  title: z.string().min(1),
  unit: z.enum(PANEL_UNITS),
  queries: z.array(z.object({ expr: z.string().min(1), legend: z.string().default('') })).min(1),
  thresholds: z.object({ warn: z.number().optional(), crit: z.number().optional() }).optional(),
  /** The metric whose absence means the exporter is missing, and that exporter's name. */
  requires: z.object({ metric: z.string(), exporter: z.string() }).optional(),
});

export const panelGroupSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'must be lower-case letters, digits and "-"' }),
  title: z.string().min(1),
  /** Which Prometheus server (by name) to query; the first configured one by default. */
  prometheus: z.string().optional(),
  /** Hide the whole group (instead of showing "missing") when its first panel's metric does not exist. */
  optional: z.boolean().default(false),
  panels: z.array(panelSchema).min(1),
});

export type Panel = z.output<typeof panelSchema>;
export type PanelGroup = z.output<typeof panelGroupSchema>;
