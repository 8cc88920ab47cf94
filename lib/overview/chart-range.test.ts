import { describe, expect, it } from 'vitest';
import { panelGroupSchema } from '@/lib/config/panel-types';
import { alignedRange, expandExpr, formatLegend, isRangeKey, rateWindow } from './chart-range';
import { BUILTIN_PANEL_GROUPS } from './panels';

describe('chart ranges', () => {
  it('aligns start and end to the step so concurrent consoles share one query', () => {
    expect(alignedRange(3600, 15, 1_700_000_007_000)).toEqual({ start: 1_699_996_410, end: 1_700_000_010 });
    expect(alignedRange(3600, 15, 1_700_000_009_999)).toEqual(alignedRange(3600, 15, 1_700_000_007_000));
  });

  it('picks a rate window of at least a minute and two steps', () => {
    expect(rateWindow(15)).toBe('1m');
    expect(rateWindow(45)).toBe('90s');
    expect(rateWindow(300)).toBe('10m');
    expect(rateWindow(3600)).toBe('2h');
    expect(expandExpr('rate(a[$__rate]) / rate(b[$__rate])', 15)).toBe('rate(a[1m]) / rate(b[1m])');
  });

  it('fills legends from labels', () => {
    expect(formatLegend('{{instance}} {{mountpoint}}', { instance: 'db-1', mountpoint: '/' })).toBe('db-1 /');
    expect(formatLegend('{{ job }} p99', { job: 'api' })).toBe('api p99');
    expect(formatLegend('{{missing}}', {})).toBe('');
    expect(formatLegend('', { __name__: 'up', job: 'api', instance: 'x' })).toBe('{job="api", instance="x"}');
  });

  it('knows its range keys', () => {
    expect(['1h', '6h', '24h', '7d'].every(isRangeKey)).toBe(true);
    expect(isRangeKey('2h')).toBe(false);
    expect(isRangeKey('toString')).toBe(false);
  });
});

describe('built-in panels', () => {
  it('are valid panel groups with unique ids', () => {
    for (const group of BUILTIN_PANEL_GROUPS) panelGroupSchema.parse(group);
    const ids = BUILTIN_PANEL_GROUPS.flatMap((g) => g.panels.map((p) => `${g.id}/${p.id}`));
    expect(new Set(ids).size).toBe(ids.length);
    expect(BUILTIN_PANEL_GROUPS.map((g) => g.id)).toEqual([
      'system',
      'postgresql',
      'http',
      'containers',
      'redis',
    ]);
  });
});
