import { describe, expect, it } from 'vitest';
import { readJsonFixture } from './fixtures';
import {
  buildInfoSchema,
  type LokiQueryResult,
  labelsResponseSchema,
  queryResponseSchema,
  seriesResponseSchema,
} from './schemas';

function query(file: string): LokiQueryResult {
  return queryResponseSchema.parse(readJsonFixture(file));
}

/** The recorded wire values of the first result, to compare our shapes with. */
function wireResult(file: string) {
  const body = readJsonFixture(file) as { data: { result: Record<string, unknown>[] } };
  return body.data.result;
}

describe('queryResponseSchema on real Loki 2.8 answers', () => {
  it('turns streams into labels + entries, keeping the nanosecond string and adding ms', () => {
    const result = query('query_range-streams.json');
    if (result.type !== 'streams') throw new Error(result.type);
    expect(result.streams).toHaveLength(3);
    expect(result.streams.flatMap((s) => s.entries)).toHaveLength(20);
    expect(result.streams[0]).toMatchObject({
      labels: { env: 'dev', instance: 'web-01:9100', job: 'node', level: 'warn' },
    });
    expect(result.streams[0]?.entries[0]).toEqual({
      timeNs: '1795248400761163376',
      timeMs: 1795248400761,
      line: 'level=warn msg="filesystem usage above 80%" mountpoint=/var used_pct=83.4 trace_id=2f923996d9f195d0',
    });
    expect(Object.keys(result.streams[0] ?? {})).toEqual(['labels', 'entries']);
  });

  it('converts every entry of every stream fixture the same way', () => {
    for (const file of [
      'query_range-streams.json',
      'query_range-logfmt-filter.json',
      'query_range-json-parser.json',
    ]) {
      const result = query(file);
      if (result.type !== 'streams') throw new Error(`${file}: ${result.type}`);
      const wire = wireResult(file) as { values: [string, string][] }[];
      result.streams.forEach((stream, i) => {
        expect(stream.entries.map((e) => [e.timeNs, e.line])).toEqual(wire[i]?.values);
        for (const e of stream.entries) expect(e.timeMs).toBe(Number(e.timeNs.slice(0, -6)));
      });
    }
  });

  it('keeps the labels that | logfmt and | json extracted', () => {
    const logfmt = query('query_range-logfmt-filter.json');
    if (logfmt.type !== 'streams') throw new Error(logfmt.type);
    expect(logfmt.streams[0]?.labels).toMatchObject({
      level: 'error',
      level_extracted: 'error',
      msg: 'OOM killer invoked',
    });
    const json = query('query_range-json-parser.json');
    if (json.type !== 'streams') throw new Error(json.type);
    expect(json.streams[0]?.labels).toMatchObject({ job: 'api', method: 'POST', status: '500' });
  });

  it('turns a matrix into series of [ms, number] points', () => {
    const result = query('query_range-matrix.json');
    if (result.type !== 'matrix') throw new Error(result.type);
    expect(result.series.map((s) => s.labels)).toEqual([
      { level: 'error' },
      { level: 'info' },
      { level: 'warn' },
    ]);
    expect(result.series.map((s) => s.points.length)).toEqual([24, 42, 40]);
    expect(result.series[0]?.points[0]).toEqual([1795247865000, 2]);
  });

  it('turns a vector into samples', () => {
    const result = query('query-vector.json');
    if (result.type !== 'vector') throw new Error(result.type);
    expect(result.samples).toHaveLength(8);
    expect(result.samples[0]).toEqual({
      labels: { job: 'api', level: 'info' },
      timeMs: 1795248474000,
      value: 20,
    });
  });

  it('reads empty results (range and instant) as no streams', () => {
    expect(query('query_range-empty.json')).toEqual({ type: 'streams', streams: [] });
    expect(query('query-streams.json')).toEqual({ type: 'streams', streams: [] });
  });

  it('reads a null result as empty (grafana/grafana#40246)', () => {
    const body = { status: 'success', data: { resultType: 'matrix', result: null } };
    expect(queryResponseSchema.parse(body)).toEqual({ type: 'matrix', series: [] });
  });

  it('keeps NaN and ±Inf sample values, and refuses values that are not numbers', () => {
    const body = (values: string[]) => ({
      status: 'success',
      data: { resultType: 'matrix', result: [{ metric: {}, values: values.map((v, i) => [i, v]) }] },
    });
    const parsed = queryResponseSchema.parse(body(['NaN', '+Inf', '-Inf', '1e3']));
    expect(parsed.type === 'matrix' && parsed.series[0]?.points.map((p) => p[1])).toEqual([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1000,
    ]);
    expect(queryResponseSchema.safeParse(body(['many'])).success).toBe(false);
    expect(queryResponseSchema.safeParse(body([''])).success).toBe(false);
  });

  it('refuses shapes it does not know, with the path of the problem', () => {
    const numericTs = {
      status: 'success',
      data: { resultType: 'streams', result: [{ stream: {}, values: [[1795248400, 'x']] }] },
    };
    expect(queryResponseSchema.safeParse(numericTs).error?.issues[0]?.path).toEqual([
      'data',
      'result',
      0,
      'values',
      0,
      0,
    ]);
    const scalar = { status: 'success', data: { resultType: 'scalar', result: [1, '2'] } };
    expect(queryResponseSchema.safeParse(scalar).success).toBe(false);
    expect(queryResponseSchema.safeParse({ status: 'error', data: {} }).success).toBe(false);
  });

  it('ignores a third element in an entry (Loki 3.x structured metadata)', () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'streams',
        result: [{ stream: {}, values: [['1000000', 'x', { trace_id: 'a' }]] }],
      },
    };
    expect(queryResponseSchema.parse(body)).toEqual({
      type: 'streams',
      streams: [{ labels: {}, entries: [{ timeNs: '1000000', timeMs: 1, line: 'x' }] }],
    });
  });
});

describe('labels, label values and series', () => {
  it('unwraps the envelope', () => {
    expect(labelsResponseSchema.parse(readJsonFixture('labels.json'))).toEqual([
      'env',
      'instance',
      'job',
      'level',
    ]);
    expect(labelsResponseSchema.parse(readJsonFixture('label-job-values.json'))).toEqual([
      'api',
      'legacy-app',
      'node',
      'postgres',
    ]);
  });

  it('reads the values of an unknown label, which come without data (grafana/loki#4927), as empty', () => {
    expect(labelsResponseSchema.parse({ status: 'success' })).toEqual([]);
  });

  it('returns one label set per stream', () => {
    const series = seriesResponseSchema.parse(readJsonFixture('series.json'));
    expect(series).toHaveLength(6);
    expect(series[0]).toEqual({ instance: 'db-01:9100', env: 'dev', level: 'info', job: 'node' });
    for (const labels of series) expect(labels.job).toBe('node');
  });
});

describe('buildInfoSchema', () => {
  it('reads the bare object and drops empty fields', () => {
    expect(buildInfoSchema.parse(readJsonFixture('buildinfo.json'))).toEqual({
      version: '2.8.0',
      revision: '90888a0cc7',
      branch: 'HEAD',
      buildDate: '2026-11-21T08:06:38Z',
      goVersion: undefined,
    });
  });

  it('refuses a Prometheus-style envelope', () => {
    expect(buildInfoSchema.safeParse({ status: 'success', data: { version: '2.8.0' } }).success).toBe(false);
  });
});
