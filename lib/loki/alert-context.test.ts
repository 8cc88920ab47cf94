import { describe, expect, it } from 'vitest';
import {
  buildSelector,
  type ContextEntry,
  checkAlertLabels,
  contextEntries,
  contextWindow,
  describeTried,
  exploreUrl,
  type LokiLabelIndex,
  logQuery,
  quoteLogql,
  SELECTOR_LABELS,
  sortErrorsFirst,
  streamSelectorOf,
} from './alert-context';
import { readJsonFixture } from './fixtures';
import { queryResponseSchema } from './schemas';

/** What /labels and /label/<n>/values said, e.g. index({job: ['node'], env: undefined}). */
function index(known: Record<string, string[] | undefined>): LokiLabelIndex {
  return new Map(Object.entries(known).map(([name, values]) => [name, values && new Set(values)]));
}

const alert = { alertname: 'InstanceDown', severity: 'critical', job: 'node', instance: 'db-1:9100' };

describe('buildSelector', () => {
  it('uses the labels whose name and value Loki knows, in the preferred order', () => {
    const known = index({ instance: ['db-1:9100', 'web-01:9100'], job: ['api', 'node'], env: undefined });
    expect(buildSelector(alert, known)).toBe('{job="node",instance="db-1:9100"}');
  });

  it('leaves out labels Loki has no name for, and never uses alertname or severity', () => {
    const known = index({ job: ['node'], alertname: ['InstanceDown'], severity: ['critical'] });
    expect(buildSelector(alert, known)).toBe('{job="node"}');
  });

  it('leaves out values Loki does not have', () => {
    expect(buildSelector(alert, index({ job: ['api'], instance: ['db-1:9100'] }))).toBe(
      '{instance="db-1:9100"}',
    );
  });

  it('checks only the name when the values were not asked for', () => {
    expect(buildSelector(alert, index({ job: undefined, instance: ['other'] }))).toBe('{job="node"}');
  });

  it('is undefined when Loki knows none of the labels, or the alert has none of them', () => {
    expect(buildSelector(alert, index({ job: ['api'], pod: undefined }))).toBeUndefined();
    expect(buildSelector({ alertname: 'Watchdog' }, index({ job: undefined }))).toBeUndefined();
    expect(buildSelector(alert, new Map())).toBeUndefined();
  });

  it('ignores empty values, which would match streams without the label', () => {
    expect(buildSelector({ job: '', instance: 'x' }, index({ job: undefined, instance: undefined }))).toBe(
      '{instance="x"}',
    );
  });

  it('follows a configured order and set of labels', () => {
    const labels = { app: 'shop', namespace: 'prod', pod: 'shop-7d9', job: 'kubelet' };
    const known = index({ app: undefined, namespace: undefined, pod: undefined, job: undefined });
    expect(buildSelector(labels, known)).toBe('{job="kubelet",namespace="prod",pod="shop-7d9",app="shop"}');
    expect(buildSelector(labels, known, ['app', 'namespace'])).toBe('{app="shop",namespace="prod"}');
  });

  it('escapes backslashes, double quotes and line breaks in values', () => {
    const labels = { job: 'C:\\logs\\"app"', instance: 'a\nb' };
    expect(buildSelector(labels, index({ job: undefined, instance: undefined }))).toBe(
      String.raw`{job="C:\\logs\\\"app\"",instance="a\nb"}`,
    );
  });
});

describe('quoteLogql', () => {
  it('writes a Go string literal that Loki reads back as the value', () => {
    expect(quoteLogql('db-1:9100')).toBe('"db-1:9100"');
    expect(quoteLogql('a"b\\c\r\n')).toBe(String.raw`"a\"b\\c\r\n"`);
    // What Loki's lexer does with it: strconv.Unquote, which JSON.parse matches for these escapes.
    for (const value of ['a"b', 'x\\y', 'multi\nline', '`raw`', 'ünïcode ✓', '{job="x"}'])
      expect(JSON.parse(quoteLogql(value))).toBe(value);
  });
});

describe('checkAlertLabels and describeTried', () => {
  it('says per label why it did not match', () => {
    const checks = checkAlertLabels(alert, index({ job: ['api'] }));
    expect(checks).toEqual([
      { name: 'job', value: 'node', outcome: 'unknown-value' },
      { name: 'instance', value: 'db-1:9100', outcome: 'unknown-name' },
    ]);
    expect(describeTried(checks)).toBe(
      'job="node" (Loki has no stream with this value), instance="db-1:9100" (Loki has no label "instance")',
    );
  });

  it('names the labels looked for when the alert has none of them', () => {
    expect(describeTried(checkAlertLabels({ alertname: 'Watchdog' }, index({ job: undefined })))).toBe(
      `the alert has none of the labels ${SELECTOR_LABELS.join(', ')}`,
    );
    expect(describeTried([], ['app'])).toBe('the alert has none of the labels app');
  });
});

describe('logQuery', () => {
  it('filters to errors and warnings, or leaves the selector alone', () => {
    expect(logQuery('{job="api",instance="db-1:9100"}', { errorsFirst: true })).toBe(
      '{job="api",instance="db-1:9100"} |~ "(?i)error|warn"',
    );
    expect(logQuery('{job="api"}', { errorsFirst: false })).toBe('{job="api"}');
  });
});

describe('streamSelectorOf', () => {
  it('finds the selector that starts a log query, with braces and quotes inside strings', () => {
    expect(streamSelectorOf('{job="a}b"} |= "x"')).toBe('{job="a}b"}');
    expect(streamSelectorOf('  {job=`a}"b`, x="\\"}"} | logfmt')).toBe('{job=`a}"b`, x="\\"}"}');
    expect(streamSelectorOf('{job="node"}')).toBe('{job="node"}');
  });

  it('is undefined for metric queries and unclosed selectors', () => {
    expect(streamSelectorOf('sum(rate({job="a"}[1m]))')).toBeUndefined();
    expect(streamSelectorOf('{job="node"')).toBeUndefined();
    expect(streamSelectorOf('{job="no}de')).toBeUndefined();
  });
});

describe('contextWindow', () => {
  const t = (iso: string) => new Date(iso);
  const window = (startsAt: string, now: string) => {
    const w = contextWindow(t(startsAt), t(now));
    return [w.start.toISOString(), w.end.toISOString()];
  };

  it('reads 15 min before the start to 5 min after', () => {
    expect(window('2026-11-21T08:00:00Z', '2026-11-21T09:00:00Z')).toEqual([
      '2026-11-21T07:45:00.000Z',
      '2026-11-21T08:05:00.000Z',
    ]);
  });

  it('ends now when the alert started less than 5 min ago', () => {
    expect(window('2026-11-21T08:00:00Z', '2026-11-21T08:02:30Z')).toEqual([
      '2026-11-21T07:45:00.000Z',
      '2026-11-21T08:02:30.000Z',
    ]);
    expect(window('2026-11-21T08:00:00Z', '2026-11-21T08:05:00Z')[1]).toBe('2026-11-21T08:05:00.000Z');
    expect(window('2026-11-21T08:00:00Z', '2026-11-21T08:00:00Z')).toEqual([
      '2026-11-21T07:45:00.000Z',
      '2026-11-21T08:00:00.000Z',
    ]);
  });

  it('keeps to the 20 min around the start of an alert firing for days', () => {
    expect(window('2026-11-21T08:00:00Z', '2026-11-24T13:00:00Z')).toEqual([
      '2026-11-21T07:45:00.000Z',
      '2026-11-21T08:05:00.000Z',
    ]);
  });

  it('takes a start in the future (clock skew) as now', () => {
    expect(window('2026-11-21T08:01:00Z', '2026-11-21T08:00:00Z')).toEqual([
      '2026-11-21T07:45:00.000Z',
      '2026-11-21T08:00:00.000Z',
    ]);
  });

  it('refuses an invalid date', () => {
    expect(() => contextWindow(new Date('nope'), new Date())).toThrow(RangeError);
  });
});

function entry(timeNs: string, level: ContextEntry['level']): ContextEntry {
  return { timeNs, timeMs: Number(timeNs.slice(0, -6)), line: `${level} ${timeNs}`, level, labels: {} };
}

describe('sortErrorsFirst', () => {
  it('puts errors, then warnings, then the rest, newest first within each', () => {
    const sorted = sortErrorsFirst([
      entry('1700000000000000003', 'info'),
      entry('1700000000000000001', 'error'),
      entry('1700000000000000002', 'warn'),
      entry('1700000000000000004', 'error'),
      entry('1700000000000000006', null),
      entry('1700000000000000005', 'debug'),
      entry('1700000000000000007', 'warn'),
    ]);
    expect(sorted.map((e) => `${e.level} ${e.timeNs.slice(-1)}`)).toEqual([
      'error 4',
      'error 1',
      'warn 7',
      'warn 2',
      'null 6',
      'debug 5',
      'info 3',
    ]);
  });

  it('orders by the exact nanoseconds, beyond what a number holds', () => {
    const sorted = sortErrorsFirst([
      entry('1795248400761163376', 'error'),
      entry('1795248400761163377', 'error'),
    ]);
    expect(sorted.map((e) => e.timeNs)).toEqual(['1795248400761163377', '1795248400761163376']);
    expect(Number('1795248400761163376')).toBe(Number('1795248400761163377'));
  });

  it('leaves its input alone', () => {
    const input = [entry('1700000000000000001', 'info'), entry('1700000000000000002', 'error')];
    sortErrorsFirst(input);
    expect(input.map((e) => e.level)).toEqual(['info', 'error']);
  });
});

describe('contextEntries', () => {
  it('flattens recorded streams newest first, with the level detected from labels and lines', () => {
    const result = queryResponseSchema.parse(readJsonFixture('query_range-streams.json'));
    if (result.type !== 'streams') throw new Error(result.type);
    const entries = contextEntries(result.streams);
    expect(entries).toHaveLength(20);
    const times = entries.map((e) => BigInt(e.timeNs));
    expect(times).toEqual([...times].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(entries.filter((e) => e.level === 'error')).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      level: 'info',
      labels: { job: 'node', instance: 'web-01:9100', level: 'info', env: 'dev' },
    });
    expect(sortErrorsFirst(entries)[0]).toMatchObject({
      level: 'error',
      timeNs: '1795248350932999332',
      line: expect.stringMatching(/^level=error msg="failed to read hwmon sensor"/),
    });
  });

  it('reads the level from the line when the stream has no level label', () => {
    const [e] = contextEntries([
      {
        labels: { job: 'api' },
        entries: [{ timeNs: '1700000000000000000', timeMs: 1700000000000, line: 'WARNING: slow' }],
      },
    ]);
    expect(e?.level).toBe('warn');
  });
});

describe('exploreUrl', () => {
  it("links to Vigil's logs API with the query, the exact window and a larger limit", () => {
    const url = exploreUrl('3f1c/2d', '{job="api"} |~ "(?i)error|warn"', {
      start: new Date('2026-11-21T07:45:00Z'),
      end: new Date('2026-11-21T08:05:00Z'),
    });
    const parsed = new URL(url, 'https://vigil.example');
    expect(parsed.pathname).toBe('/api/v1/alerts/3f1c%2F2d/logs');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      query: '{job="api"} |~ "(?i)error|warn"',
      start: '2026-11-21T07:45:00.000Z',
      end: '2026-11-21T08:05:00.000Z',
      limit: '1000',
    });
  });

  it('never names Loki', () => {
    expect(exploreUrl('a', '{job="x"}', { start: new Date(0), end: new Date(1) })).toMatch(/^\/api\/v1\//);
  });
});
