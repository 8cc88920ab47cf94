import { z } from 'zod';
import { PANEL_UNITS } from '@/lib/config/panel-types';
import { RANGES, type RangeKey } from './chart-range';

/**
 * The answers of the overview API, client-safe: the server's types come from these schemas, so the
 * route, the OpenAPI document and the screens read one shape.
 */

const iso = z.string().describe('ISO 8601 time');

const targetRowSchema = z.object({
  server: z.string().describe('The Prometheus that scrapes it'),
  instance: z.string(),
  health: z.enum(['up', 'down', 'unknown']),
  lastError: z.string(),
  lastScrape: iso.nullable(),
  scrapeUrl: z.string(),
});
export type TargetRow = z.infer<typeof targetRowSchema>;

const jobGroupSchema = z.object({
  job: z.string(),
  up: z.number().int(),
  down: z.number().int(),
  targets: z.array(targetRowSchema),
});
export type JobGroup = z.infer<typeof jobGroupSchema>;

/** Scrape targets of every Prometheus by job, jobs with down targets first. */
export const targetsSummarySchema = z.object({
  total: z.number().int(),
  down: z.number().int(),
  byJob: z.array(jobGroupSchema),
});

const bannerSchema = z.object({
  level: z.enum(['error', 'warning']),
  upstream: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  /** Age of the data still shown, when there is any. */
  ageSeconds: z.number().optional(),
});
export type Banner = z.infer<typeof bannerSchema>;

const countSchema = z.object({ name: z.string(), count: z.number().int() });

export const overviewSchema = z.object({
  alerts: z.object({
    firing: z.number().int().describe('Active alerts nobody acknowledged (the alerts list\'s "active")'),
    bySeverity: z
      .record(z.string(), z.number().int())
      .describe('Firing alerts by severity label; alerts without one under "no severity"'),
    acknowledged: z.number().int().describe('Acknowledged alerts, whatever Alertmanager says of them'),
    silenced: z.number().int().describe('Silenced and not acknowledged'),
    inhibited: z.number().int().describe('Inhibited and not acknowledged'),
  }),
  targets: targetsSummarySchema,
  rules: z.object({
    total: z.number().int(),
    errors: z.array(z.object({ server: z.string(), group: z.string(), name: z.string(), error: z.string() })),
    firing: z.array(countSchema),
    pending: z.array(countSchema),
  }),
  alertmanagers: z.array(
    z.object({
      cluster: z.string(),
      peers: z.array(
        z.object({ name: z.string(), address: z.string(), ok: z.boolean(), error: z.string().optional() }),
      ),
      version: z.string().optional(),
      clusterStatus: z.string().optional(),
    }),
  ),
  prometheus: z.array(z.object({ name: z.string(), ok: z.boolean(), version: z.string().optional() })),
  loki: z.discriminatedUnion('configured', [
    z.object({ configured: z.literal(false) }),
    z.object({ configured: z.literal(true), ready: z.boolean(), detail: z.string() }),
  ]),
  banners: z.array(bannerSchema),
});
export type Overview = z.infer<typeof overviewSchema>;

const labelsSchema = z.record(z.string(), z.string());

/**
 * A sample value as it travels: JSON has no NaN or infinities, so Prometheus's "NaN" and "±Inf" (numbers
 * on the server) arrive as null.
 */
const sampleValueSchema = z.number().nullable();

/** A chart point: `[unix milliseconds, value]`. */
const pointSchema = z.tuple([z.number(), sampleValueSchema]);

/** `GET /api/v1/query`: an instant query's result, or `{type: 'matrix', series}` for a range query. */
export const promQueryAnswerSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('vector'),
      samples: z.array(z.object({ labels: labelsSchema, timeMs: z.number(), value: sampleValueSchema })),
    }),
    z.object({
      type: z.literal('matrix'),
      series: z.array(z.object({ labels: labelsSchema, points: z.array(pointSchema) })),
    }),
    z.object({ type: z.literal('scalar'), timeMs: z.number(), value: sampleValueSchema }),
    z.object({ type: z.literal('string'), timeMs: z.number(), value: z.string() }),
  ])
  .describe(
    'vector: {samples:[{labels, timeMs, value}]}; matrix: {series:[{labels, points:[[ms, value]]}]}; scalar/string: {timeMs, value}',
  );
export type PromQueryAnswer = z.output<typeof promQueryAnswerSchema>;

/** `GET /api/v1/panels/{group}/{panel}`: one overview chart over its range. */
export const panelDataSchema = z.object({
  title: z.string(),
  unit: z.enum(PANEL_UNITS),
  thresholds: z.object({ warn: z.number().optional(), crit: z.number().optional() }).optional(),
  range: z.object({
    start: z.number().describe('Unix seconds'),
    end: z.number().describe('Unix seconds'),
    stepSeconds: z.number(),
  }),
  series: z.array(z.object({ name: z.string(), points: z.array(pointSchema) })),
  /** Why there is nothing to draw, in words an on-call engineer can act on. */
  missing: z.string().optional(),
});
export type PanelData = z.infer<typeof panelDataSchema>;

export const panelParamsSchema = z.object({ group: z.string(), panel: z.string() });

export const panelQuerySchema = z.object({
  range: z
    .enum(Object.keys(RANGES) as [RangeKey, ...RangeKey[]], { error: 'must be 1h, 6h, 24h or 7d' })
    .default('1h'),
});
