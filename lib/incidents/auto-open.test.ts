import { describe, expect, it } from 'vitest';
import { incidentSeverity, incidentTitle } from './auto-open';

describe('incident title and severity from an alert', () => {
  it('names the alert and its instance', () => {
    expect(incidentTitle({ alertname: 'InstanceDown', instance: 'db-1:9100' })).toBe(
      'InstanceDown on db-1:9100',
    );
    expect(incidentTitle({ alertname: 'HighLatency' })).toBe('HighLatency');
    expect(incidentTitle({})).toBe('Alert');
  });

  it('takes the severity label, else "none"', () => {
    expect(incidentSeverity({ severity: 'critical' })).toBe('critical');
    expect(incidentSeverity({})).toBe('none');
  });
});
