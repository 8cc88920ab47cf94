import { describe, expect, it } from 'vitest';
import { CHART_SERIES, chartRows } from './chart-rows';

const row = (name: string, weekly: (number | null)[]) => ({ name, cells: {}, weekly, history: '/h' });

describe('report chart rows', () => {
  it('turns rows of weekly values into one recharts row per week', () => {
    const { rows, series } = chartRows({
      weeks: ['2026-03-16', '2026-03-23'],
      rows: [row('A', [1, 2]), row('B', [null, 5])],
    });
    expect(rows).toEqual([
      { week: '2026-03-16', s0: 1, s1: null },
      { week: '2026-03-23', s0: 2, s1: 5 },
    ]);
    expect(series).toEqual([
      { key: 's0', name: 'A' },
      { key: 's1', name: 'B' },
    ]);
  });

  it('charts the first rows only', () => {
    const many = Array.from({ length: 20 }, (_, i) => row(`r${i}`, [i]));
    expect(chartRows({ weeks: ['w'], rows: many }).series).toHaveLength(CHART_SERIES);
  });
});
