import { describe, expect, it } from 'vitest';
import { renderMetrics } from './registry';

const gauge = (body: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(body)?.[1]);

describe('the event-loop lag metrics', () => {
  it('tick every millisecond: an idle loop reads about 1 ms, where prom-client’s default 10 ms tick reads 10 at least', async () => {
    await renderMetrics(); // each scrape starts a fresh histogram
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { body } = await renderMetrics();
    expect(gauge(body, 'nodejs_eventloop_lag_min_seconds')).toBeLessThan(0.005);
    expect(gauge(body, 'nodejs_eventloop_lag_max_seconds')).toBeGreaterThan(0);
  });
});
