import { describe, expect, it } from 'vitest';
import { alertLabelsQuerySchema, buildLabelIndex, labelSuggestions } from './label-index';

const index = buildLabelIndex([
  { alertname: 'InstanceDown', severity: 'critical', instance: 'db-1' },
  { alertname: 'InstanceDown', severity: 'critical', instance: 'db-2' },
  { alertname: 'HighCPUUsage', severity: 'warning', instance: 'Web-1' },
  { alertname: 'Watchdog', severity: 'none' },
]);

describe('buildLabelIndex', () => {
  it('counts the alerts carrying each value of each label', () => {
    expect(index.get('alertname')).toEqual(
      new Map([
        ['InstanceDown', 2],
        ['HighCPUUsage', 1],
        ['Watchdog', 1],
      ]),
    );
    expect(index.get('instance')?.size).toBe(3);
    expect(index.get('nope')).toBeUndefined();
  });
});

describe('labelSuggestions', () => {
  it('lists label names by how many alerts carry them, then alphabetically', () => {
    expect(labelSuggestions(index, { prefix: '' })).toEqual({
      names: [
        { value: 'alertname', count: 4 },
        { value: 'severity', count: 4 },
        { value: 'instance', count: 3 },
      ],
      truncated: false,
    });
  });

  it("lists a label's values, most frequent first", () => {
    expect(labelSuggestions(index, { name: 'alertname', prefix: '' })).toMatchObject({
      name: 'alertname',
      values: [
        { value: 'InstanceDown', count: 2 },
        { value: 'HighCPUUsage', count: 1 },
        { value: 'Watchdog', count: 1 },
      ],
    });
  });

  it('keeps those starting with the prefix, ignoring case', () => {
    expect(labelSuggestions(index, { prefix: 'IN' })).toEqual({
      names: [{ value: 'instance', count: 3 }],
      truncated: false,
    });
    expect(labelSuggestions(index, { name: 'instance', prefix: 'w' })).toMatchObject({
      values: [{ value: 'Web-1', count: 1 }],
    });
    expect(labelSuggestions(index, { name: 'instance', prefix: '-1' })).toMatchObject({ values: [] });
  });

  it('answers an unknown label with no suggestions', () => {
    expect(labelSuggestions(index, { name: 'team', prefix: '' })).toEqual({
      name: 'team',
      values: [],
      truncated: false,
    });
  });

  it('sends at most the limit and says when there were more', () => {
    const many = buildLabelIndex(Array.from({ length: 120 }, (_, i) => ({ instance: `host-${i}` })));
    const answer = labelSuggestions(many, { name: 'instance', prefix: 'host-' });
    expect(answer).toMatchObject({ truncated: true });
    expect('values' in answer && answer.values).toHaveLength(50);
    expect(labelSuggestions(many, { name: 'instance', prefix: 'host-11' }, 50).truncated).toBe(false);
  });
});

describe('alertLabelsQuerySchema', () => {
  it('defaults the prefix to empty and leaves the name out', () => {
    expect(alertLabelsQuerySchema.parse({})).toEqual({ prefix: '' });
  });
});
