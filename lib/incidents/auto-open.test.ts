import { describe, expect, it } from 'vitest';
import { incidentSeverity, incidentTitle, matchesAutoIncidentPolicy } from './auto-open';

describe('matchesAutoIncidentPolicy', () => {
  const alert = { alertname: 'InstanceDown', severity: 'critical', team: 'db' };

  it('matches when every label of the policy is equal', () => {
    expect(matchesAutoIncidentPolicy(alert, { severity: 'critical' })).toBe(true);
    expect(matchesAutoIncidentPolicy(alert, { severity: 'critical', team: 'db' })).toBe(true);
  });

  it('does not match a different value or a missing label', () => {
    expect(matchesAutoIncidentPolicy({ ...alert, severity: 'warning' }, { severity: 'critical' })).toBe(
      false,
    );
    expect(matchesAutoIncidentPolicy(alert, { severity: 'critical', team: 'web' })).toBe(false);
    expect(matchesAutoIncidentPolicy({ alertname: 'X' }, { severity: 'critical' })).toBe(false);
  });

  it('treats an empty policy as "never" (auto-open off)', () => {
    expect(matchesAutoIncidentPolicy(alert, {})).toBe(false);
  });

  it('compares exactly, not as a regex or case-insensitively', () => {
    expect(matchesAutoIncidentPolicy({ severity: 'Critical' }, { severity: 'critical' })).toBe(false);
    expect(matchesAutoIncidentPolicy({ severity: 'critical' }, { severity: 'crit.*' })).toBe(false);
  });
});

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
