import { describe, expect, it } from 'vitest';
import { reportCsv, reportCsvFilename } from './report-csv';
import type { Report } from './report-schema';

const report: Pick<Report, 'report' | 'from' | 'to' | 'columns' | 'weeks' | 'rows'> = {
  report: 'noisiest-label-sets',
  from: '2026-03-02T00:00:00.000Z',
  to: '2026-03-26T12:00:00.000Z',
  columns: [
    { key: 'labels', label: 'Labels', kind: 'text' },
    { key: 'firings', label: 'Firings', kind: 'count' },
    { key: 'p50', label: 'p50', kind: 'seconds' },
  ],
  weeks: ['2026-03-16', '2026-03-23'],
  rows: [
    {
      name: 'x',
      cells: { labels: '{alertname="A",job="a,b"}', firings: 3, p50: 12.34567 },
      weekly: [1, 2],
      history: '/history?filter=x',
    },
    {
      name: 'y',
      cells: { labels: '=HYPERLINK("http://evil")', firings: 1, p50: null },
      weekly: [null, 1],
      history: '/h',
    },
    { name: 'z', cells: { labels: '-1+2', firings: 1, p50: 1 }, weekly: [0, 1], history: '/h' },
    { name: 'w', cells: { labels: '@SUM(A1)', firings: 1, p50: 1 }, weekly: [0, 1], history: '/h' },
  ],
};

describe('a report as CSV', () => {
  it('writes the header, quotes cells with commas and quotes, and defuses formulas', () => {
    const lines = reportCsv(report).split('\r\n');
    expect(lines[0]).toBe('\uFEFFlabels,firings,p50,2026-03-16,2026-03-23,history');
    expect(lines[1]).toBe('"{alertname=""A"",job=""a,b""}",3,12.346,1,2,/history?filter=x');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://evil"")",1,,,1,/h`);
    expect(lines[3]).toBe("'-1+2,1,1,0,1,/h");
    expect(lines[4]).toBe("'@SUM(A1),1,1,0,1,/h");
    expect(lines[5]).toBe('');
    expect(lines).toHaveLength(6);
  });

  it('names the file after the report and its range', () => {
    expect(reportCsvFilename(report)).toBe('vigil-noisiest-label-sets-2026-03-02-2026-03-26.csv');
  });
});
