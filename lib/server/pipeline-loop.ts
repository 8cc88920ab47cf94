import 'server-only';
import { config } from '@/lib/config/current';
import { observePipeline, pipelineCheckSamples } from '@/lib/incidents/pipeline-checks';
import { evaluatePipeline } from '@/lib/incidents/pipeline-watch';
import { type Loop, startLoop } from '@/lib/loop';
import { metrics } from '@/lib/metrics/registry';
import { sources } from '@/lib/snapshots/sources';

/**
 * Watches the alerting pipeline every poll interval (lib/incidents/pipeline-watch.ts) in every
 * instance; the row lock of each check keeps instances from opening two incidents. The start-up grace
 * runs from this process's start. Each pass also sets `vigil_pipeline_check_ok` on /metrics.
 */
const KEY = Symbol.for('vigil.pipeline-watch');
const store = globalThis as unknown as Record<symbol, Loop | undefined>;

/** Once per process (start-up may run twice in one dev process). */
export function startPipelineWatch(): Loop {
  const existing = store[KEY];
  if (existing) return existing;
  const { pipelineWatch, pollIntervalSeconds } = config();
  const startedAt = new Date();
  store[KEY] = startLoop('pipeline watch', pollIntervalSeconds * 1000, async () => {
    const s = sources();
    const observations = observePipeline(
      {
        clusters: [...s.clusters.values()].map((c) => c.view()),
        prometheus: [...s.prometheus.values()].map((p) => p.view()),
      },
      pipelineWatch,
    );
    // Reset first: a check that is no longer known (or configured) must not keep its last value.
    const gauge = metrics().pipelineCheckOk;
    gauge.reset();
    for (const { labels, value } of pipelineCheckSamples(observations)) gauge.set(labels, value);
    await evaluatePipeline(observations, { startedAt, graceSeconds: pipelineWatch.startupGraceSeconds });
  });
  return store[KEY];
}
