import { describe, expect, it } from 'vitest';
import { labelFilterHref, withLabelMatcher } from './label-filter';

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

describe('labelFilterHref', () => {
  it('starts the alerts view filtered by the label from outside it', () => {
    expect(labelFilterHref('', 'job', 'api', false)).toBe('/alerts?filter=job%3D%22api%22');
  });

  it('keeps the view, and the open alert, adding the matcher and paging from the start', () => {
    const href = labelFilterHref('?filter=disk&group_by=job&offset=100&alert=f1', 'job', 'api', true);
    const params = new URL(href, 'http://vigil').searchParams;
    expect(params.get('filter')).toBe('disk job!="api"');
    expect(params.get('group_by')).toBe('job');
    expect(params.get('alert')).toBe('f1');
    expect(params.has('offset')).toBe(false);
  });
});
