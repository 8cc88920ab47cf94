import { mainThreadTimes, type ThreadTimes } from './schedstat';
import { type ProcessGauges, processGauges } from './vigil-metrics';

/**
 * One reading of Vigil's `/metrics`; `at` in ms since the epoch. `thread`: what Vigil's event-loop
 * thread did since the previous reading, as the kernel counts it (ran on a core, waited for one).
 */
export type Sample = ProcessGauges & { at: number; thread?: ThreadTimes };

/** What the samples of one time window say. */
export type WindowStats = {
  from: number;
  to: number;
  samples: number;
  /** Max of `nodejs_eventloop_lag_max_seconds` readings, each the worst lag since the previous one. */
  lagMaxSeconds: number | null;
  /** The event-loop thread's time on a core and waiting for one, summed over the window (Linux). */
  thread?: ThreadTimes;
  rssPeakBytes: number | null;
};

/**
 * Reads Vigil's `/metrics` every `intervalMs` (one request at a time) until stopped. prom-client resets
 * its event-loop delay histogram at every scrape, so each reading's `nodejs_eventloop_lag_max_seconds`
 * is the worst delay since the previous one, and the readings together cover the whole run. A scrape
 * that fails or takes longer than `timeoutMs` is counted as failed (a blocked server shows here too).
 * With the server's `pid`, each reading also says how long its event-loop thread ran and how long it
 * was runnable but waited for a core: a lag reading with a long wait measured the machine, not Vigil.
 */
export function startSampler(
  vigilUrl: string,
  {
    intervalMs = 1000,
    timeoutMs = 10_000,
    pid,
  }: { intervalMs?: number; timeoutMs?: number; pid?: number } = {},
) {
  const samples: Sample[] = [];
  let failures = 0;
  let stopped = false;
  let previous = pid === undefined ? undefined : mainThreadTimes(pid);
  const loop = (async () => {
    while (!stopped) {
      const started = Date.now();
      try {
        const res = await fetch(`${vigilUrl}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok) throw new Error(`answered ${res.status}`);
        const gauges = processGauges(await res.text());
        const now = pid === undefined ? undefined : mainThreadTimes(pid);
        const thread =
          now && previous
            ? { ranMs: now.ranMs - previous.ranMs, waitedMs: now.waitedMs - previous.waitedMs }
            : undefined;
        previous = now;
        samples.push({ at: Date.now(), ...gauges, ...(thread ? { thread } : {}) });
      } catch {
        failures++;
      }
      const rest = intervalMs - (Date.now() - started);
      if (rest > 0 && !stopped) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  })();
  return {
    samples,
    failures: () => failures,
    async stop(): Promise<void> {
      stopped = true;
      await loop;
    },
  };
}

/** A phase of the bench that began at `at` (ms since the epoch), to say when a lag reading fell. */
export type Mark = { name: string; at: number };
/**
 * One lag reading: `seconds` after the window began, during the last phase begun by then, with what the
 * event-loop thread did in that second when known.
 */
export type LagReading = { seconds: number; lagMs: number; during: string; thread?: ThreadTimes };

/**
 * The `n` worst lag readings in [from, to], worst first, each with the phase it fell in. Pure.
 *
 *   worstReadings([{at: 1000, lagMaxSeconds: 0.02}, {at: 3000, lagMaxSeconds: 0.2}], 0, 5000, [{name: 'flood', at: 0}, {name: 'load', at: 2000}], 1)
 *     → [{seconds: 3, lagMs: 200, during: 'load'}]
 */
export function worstReadings(
  samples: readonly Sample[],
  from: number,
  to: number,
  marks: readonly Mark[],
  n: number,
): LagReading[] {
  return samples
    .filter((s) => s.at >= from && s.at <= to && s.lagMaxSeconds !== undefined)
    .sort((a, b) => (b.lagMaxSeconds ?? 0) - (a.lagMaxSeconds ?? 0))
    .slice(0, n)
    .map((s) => ({
      seconds: Math.round((s.at - from) / 1000),
      lagMs: Math.round((s.lagMaxSeconds ?? 0) * 1000),
      during: marks.filter((m) => m.at <= s.at).at(-1)?.name ?? 'before the window',
      ...(s.thread ? { thread: s.thread } : {}),
    }));
}

/** The highest resident-memory reading of a window, and the phase it fell in. */
export type RssPeak = { bytes: number; seconds: number; during: string };

/**
 * The highest `process_resident_memory_bytes` reading in [from, to], seconds after `from` and the last
 * phase mark at or before it: a peak is only worth chasing once it is known what ran when it was read.
 * Pure.
 *
 *   peakRssReading([{at: 1000, rssBytes: 3e8}, {at: 3000, rssBytes: 4e8}], 0, 5000, [{name: 'flood', at: 0}, {name: 'page', at: 2000}])
 *     → {bytes: 4e8, seconds: 3, during: 'page'}
 */
export function peakRssReading(
  samples: readonly Sample[],
  from: number,
  to: number,
  marks: readonly Mark[],
): RssPeak | undefined {
  let peak: Sample | undefined;
  for (const s of samples)
    if (s.at >= from && s.at <= to && s.rssBytes !== undefined && s.rssBytes > (peak?.rssBytes ?? -1))
      peak = s;
  if (peak?.rssBytes === undefined) return undefined;
  const at = peak.at;
  return {
    bytes: peak.rssBytes,
    seconds: Math.round((at - from) / 1000),
    during: marks.filter((m) => m.at <= at).at(-1)?.name ?? 'before the window',
  };
}

/** Each lag reading is the worst delay of the second before it (prom-client resets at every scrape). */
const READING_SPAN_MS = 1000;

/**
 * The samples whose reading covers none of [from, to]: a reading up to a second after `to` still
 * measured part of that window. Pure.
 *
 *   samplesOutside([{at: 1000}, {at: 2500}, {at: 3500}, {at: 4600}], {from: 2000, to: 3000}) → [{at: 1000}, {at: 4600}]
 */
export function samplesOutside(samples: readonly Sample[], window: { from: number; to: number }): Sample[] {
  return samples.filter((s) => s.at <= window.from || s.at > window.to + READING_SPAN_MS);
}

/**
 * The samples whose reading covers some of [from, to]. Pure.
 *
 *   samplesWithin([{at: 1000}, {at: 2500}, {at: 3500}, {at: 4600}], {from: 2000, to: 3000}) → [{at: 2500}, {at: 3500}]
 */
export function samplesWithin(samples: readonly Sample[], window: { from: number; to: number }): Sample[] {
  return samples.filter((s) => s.at > window.from && s.at <= window.to + READING_SPAN_MS);
}

/**
 * The samples taken in [from, to] (ms since the epoch), summarised. Pure.
 *
 *   windowStats([{at: 1000, lagMaxSeconds: 0.02, rssBytes: 3e8}, {at: 2000, lagMaxSeconds: 0.4, rssBytes: 5e8}], 0, 1500)
 *     → {from: 0, to: 1500, samples: 1, lagMaxSeconds: 0.02, rssPeakBytes: 3e8}
 */
export function windowStats(samples: readonly Sample[], from: number, to: number): WindowStats {
  const inside = samples.filter((s) => s.at >= from && s.at <= to);
  const max = (values: (number | undefined)[]) => {
    const present = values.filter((v): v is number => v !== undefined);
    return present.length > 0 ? Math.max(...present) : null;
  };
  const timed = inside.flatMap((s) => (s.thread ? [s.thread] : []));
  return {
    from,
    to,
    samples: inside.length,
    lagMaxSeconds: max(inside.map((s) => s.lagMaxSeconds)),
    rssPeakBytes: max(inside.map((s) => s.rssBytes)),
    ...(timed.length > 0
      ? {
          thread: {
            ranMs: timed.reduce((sum, t) => sum + t.ranMs, 0),
            waitedMs: timed.reduce((sum, t) => sum + t.waitedMs, 0),
          },
        }
      : {}),
  };
}
