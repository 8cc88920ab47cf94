import { describe, expect, it } from 'vitest';
import { withLabelMatcher } from './label-filter';

describe('withLabelMatcher', () => {
  it('adds an equality matcher to an empty filter', () => {
    expect(withLabelMatcher('', 'job', 'api', false)).toBe('job="api"');
  });

  it('adds an exclusion after what the filter already holds', () => {
    expect(withLabelMatcher('severity="critical" disk', 'job', 'api', true)).toBe(
      'severity="critical" disk job!="api"',
    );
  });

  it('does not add the same matcher twice', () => {
    expect(withLabelMatcher(' job="api"  disk ', 'job', 'api', false)).toBe('job="api"  disk');
  });

  it('turns an inclusion into an exclusion of the same label and value, and back', () => {
    expect(withLabelMatcher('job="api" disk', 'job', 'api', true)).toBe('job!="api" disk');
    expect(withLabelMatcher('job!="api"', 'job', 'api', false)).toBe('job="api"');
  });

  it('quotes and escapes values as Alertmanager reads them', () => {
    expect(withLabelMatcher('', 'path', 'C:\\tmp "x"', false)).toBe('path="C:\\\\tmp \\"x\\""');
  });
});
