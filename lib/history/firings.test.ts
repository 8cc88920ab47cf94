import { describe, expect, it } from 'vitest';
import { completeRows, durationSeconds, type EventRow, mergeFirings } from './firings';

const T = new Date('2026-12-01T10:00:00.000Z');
const at = (s: number) => new Date(T.getTime() + s * 1000);

function row(fingerprint: string, start: number, status: EventRow['status'], end?: number): EventRow {
  return {
    cluster: 'eu',
    fingerprint,
    alertname: 'HighCPU',
    status,
    labels: { alertname: 'HighCPU', fp: fingerprint },
    startsAt: at(start),
    endsAt: end === undefined ? null : at(end),
  };
}

describe('mergeFirings', () => {
  it('merges a firing and its resolution into one resolved firing, in either order', () => {
    for (const rows of [
      [row('a', 0, 'resolved', 30), row('a', 0, 'firing')],
      [row('a', 0, 'firing'), row('a', 0, 'resolved', 30)],
    ])
      expect(mergeFirings(rows)).toEqual([
        {
          cluster: 'eu',
          fingerprint: 'a',
          alertname: 'HighCPU',
          labels: { alertname: 'HighCPU', fp: 'a' },
          startsAt: at(0),
          endsAt: at(30),
          status: 'resolved',
        },
      ]);
  });

  it('keeps a firing without resolution as firing, and separates fingerprints and starts', () => {
    const merged = mergeFirings([
      row('b', 100, 'firing'),
      row('a', 100, 'resolved', 160),
      row('a', 0, 'firing'),
      row('a', 0, 'resolved', 30),
    ]);
    expect(
      merged.map((f) => [f.fingerprint, f.startsAt.getTime() - T.getTime(), f.status, f.endsAt]),
    ).toEqual([
      ['b', 100_000, 'firing', null],
      ['a', 100_000, 'resolved', at(160)],
      ['a', 0, 'resolved', at(30)],
    ]);
  });
});

describe('completeRows', () => {
  it('drops the last firing of a full slice, whose other event may follow', () => {
    const rows = [row('c', 9, 'firing'), row('b', 5, 'resolved', 6), row('b', 5, 'firing')];
    expect(completeRows(rows, 3)).toEqual([rows[0]]);
  });

  it('keeps everything when the slice is short: nothing follows', () => {
    const rows = [row('c', 9, 'firing'), row('b', 5, 'resolved', 6)];
    expect(completeRows(rows, 3)).toEqual(rows);
  });
});

describe('durationSeconds', () => {
  it('is start to end once resolved, start to now while firing, unknown without an end', () => {
    const [resolved] = mergeFirings([row('a', 0, 'resolved', 90)]);
    const [firing] = mergeFirings([row('b', 0, 'firing')]);
    const [noEnd] = mergeFirings([row('c', 0, 'resolved')]);
    expect(resolved && durationSeconds(resolved, at(1000))).toBe(90);
    expect(firing && durationSeconds(firing, at(600))).toBe(600);
    expect(noEnd && durationSeconds(noEnd, at(600))).toBeNull();
  });
});
