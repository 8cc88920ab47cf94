import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { alertLogsOp } from '@/lib/alerts/api';
import { queryKeys } from '@/lib/api/query';
import type { AlertLogs } from '@/lib/loki/alert-logs-schema';
import { LogContext } from './log-context';

/** The logs panel's first render with the API's answer already cached (as after the first fetch). */
function render(answer: AlertLogs): string {
  const client = new QueryClient();
  client.setQueryData(
    queryKeys.of(alertLogsOp, { params: { fingerprint: 'f1' }, query: { query: undefined } }),
    answer,
  );
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <LogContext fingerprint="f1" />
    </QueryClientProvider>,
  );
}

const ok = (replay?: boolean): AlertLogs => ({
  status: 'ok',
  query: '{job="api"}',
  selector: '{job="api"}',
  edited: false,
  labelChecks: [],
  window: { start: '2026-11-21T09:00:00.000Z', end: '2026-11-21T09:20:00.000Z' },
  entries: [
    { timeMs: 1, timeNs: '1000000', line: 'level=error msg="boom"', level: 'error', labels: { job: 'api' } },
  ],
  truncated: false,
  fullQueryUrl: '/alerts/f1/logs',
  replay,
});

describe('LogContext', () => {
  it('says when the logs come from the built-in Loki replay', () => {
    const html = render(ok(true));
    expect(html).toContain('data-testid="logs-replay"');
    expect(html).toContain('Logs are a built-in replay of recorded Loki answers, not a live Loki.');
    expect(html).toContain('level=error msg=&quot;boom&quot;');
  });

  it('says nothing of a replay for a live Loki', () => {
    expect(render(ok(false))).not.toContain('logs-replay');
    expect(render(ok())).not.toContain('logs-replay');
  });
});
