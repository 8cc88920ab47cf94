import { describe, expect, it } from 'vitest';
import { readJsonFixture } from './fixtures';
import { detectLevel } from './log-level';
import { queryResponseSchema } from './schemas';

function streamsOf(file: string) {
  const result = queryResponseSchema.parse(readJsonFixture(file));
  if (result.type !== 'streams') throw new Error(`${file} holds ${result.type}, not streams`);
  return result.streams;
}

describe('detectLevel', () => {
  it('takes the level from a label first, whatever the line says', () => {
    expect(detectLevel('msg="disk error"', { level: 'warn' })).toBe('warn');
    expect(detectLevel('x', { lvl: 'DBUG' })).toBe('debug');
    expect(detectLevel('x', { severity: 'CRITICAL' })).toBe('error');
    expect(detectLevel('x', { detected_level: 'warning' })).toBe('warn');
  });

  it('prefers the stream label over the one a parser extracted', () => {
    expect(detectLevel('x', { level: 'info', level_extracted: 'error' })).toBe('info');
    expect(detectLevel('x', { level_extracted: 'error' })).toBe('error');
  });

  it('falls back to the line when a label holds no known level', () => {
    expect(detectLevel('level=error msg=x', { level: 'verbose' })).toBe('error');
  });

  it('reads logfmt fields, quoted or not', () => {
    expect(detectLevel('ts=2026-11-21T08:07:01Z level=error msg="OOM killer invoked"', {})).toBe('error');
    expect(detectLevel('lvl="warn" msg="slow"', {})).toBe('warn');
    expect(detectLevel('severity=notice msg=started', {})).toBe('info');
  });

  it('reads JSON fields, including dotted keys', () => {
    expect(detectLevel('{"level": "info", "status": 500}', {})).toBe('info');
    expect(detectLevel('{"@timestamp":"…","log.level":"ERROR","message":"x"}', {})).toBe('error');
  });

  it('does not take a field whose name only contains "level" for the level field', () => {
    expect(detectLevel('sublevel=error level=info', {})).toBe('info');
    expect(detectLevel('level_extracted=error lvl=debug', {})).toBe('debug');
  });

  it('uses the first level word of free text', () => {
    expect(detectLevel('2026-11-21 08:07:01 WARNING: disk 91% full, error budget ok', {})).toBe('warn');
    expect(detectLevel('[ERROR] connection refused', {})).toBe('error');
    expect(detectLevel('panic: runtime error: index out of range', {})).toBe('error');
    expect(detectLevel('DEBUG cache hit', {})).toBe('debug');
  });

  it('does not read levels out of longer words or the words "alert" and "notice"', () => {
    expect(detectLevel('0 errors, 3 warnings', {})).toBeUndefined();
    expect(detectLevel('alert InstanceDown resolved; notice sent', {})).toBeUndefined();
    expect(detectLevel('GET /healthz 200', {})).toBeUndefined();
  });

  it('finds the pushed level in every real logfmt and JSON line, with and without labels', () => {
    for (const file of ['query_range-streams.json', 'query_range-json-parser.json']) {
      const streams = streamsOf(file);
      expect(streams.length).toBeGreaterThan(0);
      for (const stream of streams)
        for (const entry of stream.entries) {
          expect(detectLevel(entry.line, stream.labels)).toBe(stream.labels.level);
          expect(detectLevel(entry.line, {})).toBe(stream.labels.level);
        }
    }
  });
});
