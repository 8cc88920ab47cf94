import { describe, expect, it } from 'vitest';
import { readJsonFixture } from './fixtures';
import {
  mergeNames,
  parseSimpleLogQuery,
  type RewriteRequest,
  rewriteStreams,
  type SimpleLogQuery,
  timeParamNs,
  type WireStream,
} from './replay-rewrite';

function parsed(query: string): SimpleLogQuery {
  const result = parseSimpleLogQuery(query);
  if (!result) throw new Error(`not understood: ${query}`);
  return result;
}

/** The latest of some nanosecond times (Math.max does not take BigInt). */
const newestOf = (times: bigint[]) => times.reduce((a: bigint, b: bigint) => (a > b ? a : b));

describe('parseSimpleLogQuery', () => {
  it('matches labels with =, !=, =~ and !~ (regexes anchored, a missing label reads as "")', () => {
    const q = parsed('{job="node", instance=~"127\\\\.0\\\\.0\\\\.1:.*",env!="prod",level!~"debug|info"}');
    expect(q.matches({ job: 'node', instance: '127.0.0.1:9100', level: 'error' })).toBe(true);
    expect(q.matches({ job: 'node', instance: 'x127.0.0.1:9100', level: 'error' })).toBe(false);
    expect(q.matches({ job: 'node', instance: '127.0.0.1:1', env: 'prod' })).toBe(false);
    expect(q.matches({ job: 'node', instance: '127.0.0.1:1', level: 'info' })).toBe(false);
    expect(q.matches({ instance: '127.0.0.1:1' })).toBe(false);
  });

  it('reads escaped and raw strings', () => {
    expect(parsed('{job="a\\"b\\\\c"}').matches({ job: 'a"b\\c' })).toBe(true);
    expect(parsed('{job=`a\\b`}').matches({ job: 'a\\b' })).toBe(true);
  });

  it('applies line filters: contains, not contains, regex (unanchored, (?i) as a flag)', () => {
    const q = parsed('{job="x"} |~ "(?i)error|warn" != "hwmon"');
    expect(q.keeps('level=WARN msg="memory pressure"')).toBe(true);
    expect(q.keeps('level=error msg="failed to read hwmon sensor"')).toBe(false);
    expect(q.keeps('level=info msg="ok"')).toBe(false);
    expect(parsed('{job="x"} |= "ntp" !~ "^level=warn"').keeps('level=info msg="ntp offset ok"')).toBe(true);
    expect(parsed('{job="x"} |= "ntp"').keeps('level=info msg="NTP"')).toBe(false);
  });

  it('reads regexes as RE2, as Loki does: named groups, inline flags, no catastrophic backtracking', () => {
    expect(parsed('{job="x"} |~ "(?P<name>a)"').keeps('xay')).toBe(true);
    expect(parsed('{job=~"n(?i:ODE)"}').matches({ job: 'node' })).toBe(true);
    expect(parsed('{job=~"(.*.*.*)*X"}').matches({ job: 'x'.repeat(30) })).toBe(false);
  });

  it('does not understand what it cannot answer like Loki', () => {
    for (const query of [
      '{job="node"} |= ',
      '{}',
      '{job="node"',
      '{job="node"} | logfmt',
      '{job="node"} | json | status >= 400',
      'sum(rate({job="node"}[1m]))',
      '{job=node}',
      '{job="x"} |~ "(a)\\\\1"',
      '{job="x"} |~ "a(?=b)"',
      '{job="\\q"}',
    ])
      expect(parseSimpleLogQuery(query), query).toBeUndefined();
  });
});

describe('timeParamNs', () => {
  it('reads seconds, milliseconds, nanoseconds, decimal seconds and RFC 3339, as Loki does', () => {
    expect(timeParamNs('1795247574', 0n)).toBe(1795247574000000000n);
    expect(timeParamNs('1795247574123', 0n)).toBe(1795247574123000000n);
    expect(timeParamNs('1795247574123456789', 0n)).toBe(1795247574123456789n);
    expect(timeParamNs('1795247574.5', 0n)).toBe(1795247574500000000n);
    expect(timeParamNs('2026-11-21T08:00:00Z', 0n)).toBe(
      BigInt(Date.parse('2026-11-21T08:00:00Z')) * 1_000_000n,
    );
    expect(timeParamNs(undefined, 7n)).toBe(7n);
    expect(timeParamNs('yesterday', 7n)).toBe(7n);
  });
});

describe('rewriteStreams', () => {
  const recorded = (readJsonFixture('query_range-streams.json') as { data: { result: WireStream[] } }).data
    .result;
  const newestRecorded = 1795248435718451416n;
  const S = 1_000_000_000n;
  const end = 1800000000n * S;
  const request = (query: string, over: Partial<RewriteRequest> = {}): RewriteRequest => ({
    query: parsed(query),
    startNs: end - 1200n * S,
    endNs: end,
    nowNs: end + 3600n * S,
    limit: 100,
    direction: 'backward',
    ...over,
  });
  const harness = { job: 'node', instance: '127.0.0.1:41234' };

  it('relabels the recorded streams to the label set and moves the newest line 1 s before the end', () => {
    const streams = rewriteStreams(recorded, [harness], request('{job="node",instance="127.0.0.1:41234"}'));
    expect(streams.map((s) => s.stream)).toEqual(
      expect.arrayContaining([
        { env: 'dev', instance: '127.0.0.1:41234', job: 'node', level: 'warn' },
        { env: 'dev', instance: '127.0.0.1:41234', job: 'node', level: 'info' },
        { env: 'dev', instance: '127.0.0.1:41234', job: 'node', level: 'error' },
      ]),
    );
    const all = streams.flatMap((s) => s.values);
    expect(all).toHaveLength(20);
    const times = all.map(([ns]) => BigInt(ns));
    expect(newestOf(times)).toBe(end - S);
    // The recorded spacing is kept: real lines, only moved.
    const shift = end - S - newestRecorded;
    expect(all.map(([, line]) => line).sort()).toEqual(
      recorded.flatMap((s) => s.values.map(([, line]) => line)).sort(),
    );
    expect(streams.find((s) => s.stream.level === 'error')?.values).toEqual(
      recorded
        .find((s) => s.stream.level === 'error')
        ?.values.map(([ns, line]) => [(BigInt(ns) + shift).toString(), line]),
    );
  });

  it('answers for every label set the selector matches, and for none it does not match', () => {
    const sets = [harness, { job: 'node', instance: '127.0.0.1:9100' }, { job: 'postgres' }];
    const both = rewriteStreams(recorded, sets, request('{job="node"} |= "hwmon"'));
    expect(both.map((s) => s.stream.instance).sort()).toEqual(['127.0.0.1:41234', '127.0.0.1:9100']);
    expect(rewriteStreams(recorded, sets, request('{job="api"}'))).toEqual([]);
    expect(rewriteStreams(recorded, [], request('{job="node"}'))).toEqual([]);
  });

  it('applies the line filters: errors and warnings only', () => {
    const streams = rewriteStreams(recorded, [harness], request('{job="node"} |~ "(?i)error|warn"'));
    expect(streams.map((s) => s.stream.level).sort()).toEqual(['error', 'warn']);
    expect(streams.flatMap((s) => s.values)).toHaveLength(6);
  });

  it('ends the lines before now when the window reaches into the future', () => {
    const streams = rewriteStreams(recorded, [harness], request('{job="node"}', { nowNs: end - 600n * S }));
    const newest = newestOf(streams.flatMap((s) => s.values.map(([ns]) => BigInt(ns))));
    expect(newest).toBe(end - 601n * S);
  });

  it('drops lines outside [start, end) when the window is shorter than the recording', () => {
    const streams = rewriteStreams(recorded, [harness], request('{job="node"}', { startNs: end - 60n * S }));
    const times = streams.flatMap((s) => s.values.map(([ns]) => BigInt(ns)));
    expect(times.length).toBeGreaterThan(0);
    expect(times.length).toBeLessThan(20);
    for (const t of times) expect(t >= end - 60n * S && t < end).toBe(true);
  });

  it('keeps the limit newest lines over all streams (backward), each stream newest first', () => {
    const streams = rewriteStreams(recorded, [harness], request('{job="node"}', { limit: 5 }));
    const all = streams.flatMap((s) => s.values.map(([ns]) => BigInt(ns)));
    expect(all).toHaveLength(5);
    const every = rewriteStreams(recorded, [harness], request('{job="node"}'))
      .flatMap((s) => s.values.map(([ns]) => BigInt(ns)))
      .sort((a, b) => (a > b ? -1 : 1));
    expect([...all].sort((a, b) => (a > b ? -1 : 1))).toEqual(every.slice(0, 5));
    for (const s of streams) {
      const t = s.values.map(([ns]) => BigInt(ns));
      expect(t).toEqual([...t].sort((a, b) => (a > b ? -1 : 1)));
    }
  });

  it('keeps the oldest lines, oldest first, going forward', () => {
    const streams = rewriteStreams(
      recorded,
      [harness],
      request('{job="node"}', { limit: 3, direction: 'forward' }),
    );
    const all = streams.flatMap((s) => s.values.map(([ns]) => BigInt(ns)));
    expect(all).toHaveLength(3);
    const oldest = end - S - (newestRecorded - 1795248241120892033n);
    expect(all).toContain(oldest);
  });

  it('answers a duplicated label set once', () => {
    const streams = rewriteStreams(recorded, [harness, { ...harness }], request('{job="node"}'));
    expect(streams.flatMap((s) => s.values)).toHaveLength(20);
  });
});

describe('mergeNames', () => {
  it('sorts and de-duplicates, as Loki lists names and values', () => {
    expect(mergeNames(['job', 'env'], ['job', 'instance'], [])).toEqual(['env', 'instance', 'job']);
  });
});
