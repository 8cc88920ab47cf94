import { describe, expect, it } from 'vitest';
import { highestSeverity, statusTimes } from './incident-status';

const now = new Date('2026-11-21T10:30:00.000Z');
const earlier = new Date('2026-11-21T10:05:00.000Z');
const none = { acknowledgedAt: null, mitigatedAt: null, resolvedAt: null };

describe('statusTimes', () => {
  it('stamps the status reached', () => {
    expect(statusTimes(none, 'acknowledged', now)).toEqual({ acknowledgedAt: now });
    expect(statusTimes({ ...none, acknowledgedAt: earlier }, 'mitigated', now)).toEqual({ mitigatedAt: now });
  });

  it('stamps acknowledgedAt too when the incident skips acknowledging', () => {
    expect(statusTimes(none, 'resolved', now)).toEqual({ acknowledgedAt: now, resolvedAt: now });
  });

  it('keeps the first acknowledgement, so MTTA does not move', () => {
    expect(statusTimes({ ...none, acknowledgedAt: earlier }, 'acknowledged', now)).toEqual({});
  });

  it('clears the later times when an incident is reopened', () => {
    const resolved = { acknowledgedAt: earlier, mitigatedAt: earlier, resolvedAt: earlier };
    expect(statusTimes(resolved, 'open', now)).toEqual({ mitigatedAt: null, resolvedAt: null });
    expect(statusTimes(resolved, 'mitigated', now)).toEqual({ resolvedAt: null });
  });
});

describe('highestSeverity', () => {
  it('picks the most severe', () => {
    expect(highestSeverity(['warning', 'critical', 'info'])).toBe('critical');
    expect(highestSeverity(['info', 'warning'])).toBe('warning');
  });
  it('keeps an unknown severity when it is the only one, and says none for no alerts', () => {
    expect(highestSeverity(['page'])).toBe('page');
    expect(highestSeverity([])).toBe('none');
  });
});

describe('incident ids in URLs and API paths', () => {
  it('accepts INC-<number> in any case, and anything else as an id', async () => {
    const { parseIncidentRef } = await import('@/lib/incidents/incident-ref');
    expect(parseIncidentRef('INC-7')).toEqual({ number: 7 });
    expect(parseIncidentRef(' inc-12 ')).toEqual({ number: 12 });
    expect(parseIncidentRef('cmi8x2k0a0000abcd')).toEqual({ id: 'cmi8x2k0a0000abcd' });
    expect(parseIncidentRef('INC-')).toEqual({ id: 'INC-' });
  });
});
