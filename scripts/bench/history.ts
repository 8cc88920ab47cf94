import { createPrismaClient } from '@/lib/db/client';
import { firstSlice, HISTORY_CASES, indexesOf, scanPlan, seedHistoryEvents } from './history-seed';
import { quantile } from './stats';

type HistoryCaseResult = {
  name: string;
  filter: string;
  days: number;
  /** Each GET /api/v1/history answer (first page of 50), read to its last byte, one after another. */
  ms: number[];
  firings: number;
  /** Events the last answer read, and whether it stopped at its bound (partial). */
  scanned: number;
  partial: boolean;
  /** Indexes in the plan of the first slice, and whether it read alert_events sequentially. */
  indexes: string[];
  seqScan: boolean;
};

export type HistoryBenchResult = { events: number; seedSeconds: number; cases: HistoryCaseResult[] };

/**
 * The history search on a year of 1,000,000 events: seeds them (scripts/bench/history-seed.ts) into
 * Vigil's database, then times each HISTORY_CASES search `runs` times through the API with the bench
 * user's token, and EXPLAINs its first slice.
 */
export async function measureHistory(options: {
  databaseUrl: string;
  vigilUrl: string;
  apiToken: string;
  runs: number;
  log: (line: string) => void;
}): Promise<HistoryBenchResult> {
  const prisma = createPrismaClient(options.databaseUrl);
  try {
    const now = new Date();
    options.log('seeding 1,000,000 alert events for the history search…');
    const seededAt = performance.now();
    const events = await seedHistoryEvents(prisma, now);
    const seedSeconds = (performance.now() - seededAt) / 1000;
    const cases: HistoryCaseResult[] = [];
    for (const c of HISTORY_CASES) {
      const plan = await scanPlan(prisma, firstSlice(c.filter, c.days, now));
      const params = new URLSearchParams({
        filter: c.filter,
        from: new Date(now.getTime() - c.days * 86_400_000).toISOString(),
        to: now.toISOString(),
        limit: '50',
      });
      const ms: number[] = [];
      let last = { firings: [] as unknown[], scanned: 0, partial: false };
      for (let i = 0; i < options.runs; i++) {
        const started = performance.now();
        const res = await fetch(`${options.vigilUrl}/api/v1/history?${params}`, {
          headers: { authorization: `Bearer ${options.apiToken}` },
          signal: AbortSignal.timeout(60_000),
        });
        const text = await res.text();
        ms.push(performance.now() - started);
        if (!res.ok)
          throw new Error(`GET /api/v1/history (${c.name}) answered ${res.status}: ${text.slice(0, 300)}`);
        last = JSON.parse(text) as typeof last;
      }
      cases.push({
        name: c.name,
        filter: c.filter,
        days: c.days,
        ms,
        firings: last.firings.length,
        scanned: last.scanned,
        partial: last.partial,
        indexes: indexesOf(plan),
        seqScan: /Seq Scan on alert_events/.test(plan),
      });
      options.log(
        `history ${c.name}: p50 ${quantile(ms, 0.5).toFixed(0)} ms, p95 ${quantile(ms, 0.95).toFixed(0)} ms, ${last.firings.length} firings`,
      );
    }
    return { events, seedSeconds, cases };
  } finally {
    await prisma.$disconnect();
  }
}
