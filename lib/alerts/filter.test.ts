import { describe, expect, it } from 'vitest';
import { parseFilter } from '@/lib/alertmanager/matchers';
import type { AmAlert } from '@/lib/alertmanager/schemas';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { ValidationError } from '@/lib/errors';
import { type IndexedAlert, indexAlert } from './alert-items';
import type { AlertItem, AlertStateFilter } from './api-schema';
import { alertSelection, parseStates } from './filter';

const indexed = (partial: Partial<AmAlert> = {}, ack: AlertItem['ack'] = null): IndexedAlert => {
  const alert = indexAlert({ ...makeAlert(partial), cluster: 'eu', peers: ['eu peer 1'] });
  return { ...alert, item: { ...alert.item, ack } };
};

const ACK = { by: 'ana@example.com', at: '2026-11-21T08:10:00.000Z', comment: null };
const ALL = new Set<AlertStateFilter>(['active', 'silenced', 'inhibited', 'acknowledged']);

describe('parseStates', () => {
  it('reads a comma-separated list in any case, ignoring spaces and empty entries', () => {
    expect([...parseStates('active, Silenced,,')]).toEqual(['active', 'silenced']);
    expect(parseStates('').size).toBe(0);
  });

  it('refuses an unknown state with a message on the state field', () => {
    expect(() => parseStates('active,firing')).toThrow(ValidationError);
    try {
      parseStates('active,firing');
    } catch (error) {
      expect((error as ValidationError).fields).toEqual({
        state: 'unknown state "firing"; use active, silenced, inhibited or acknowledged',
      });
    }
  });
});

describe('alertSelection', () => {
  const disk = indexed({
    labels: { alertname: 'DiskSpaceLow', severity: 'warning', instance: 'db-1:9100', mountpoint: '/data' },
    annotations: { summary: 'Disk space low on db-1', description: 'Only 4 % left on /data' },
  });
  const cpu = indexed({
    labels: { alertname: 'HighCPUUsage', severity: 'critical', instance: 'web-1:9100' },
    annotations: { summary: 'High CPU usage on web-1', runbook_url: 'disk' },
  });
  const keep = (filter: string, states: ReadonlySet<AlertStateFilter> = ALL) => {
    const { shows } = alertSelection({ ...parseFilter(filter), states });
    return [disk, cpu].filter(shows).map((a) => a.item.alertname);
  };

  it('keeps everything for an empty filter with every state on', () => {
    expect(keep('')).toEqual(['DiskSpaceLow', 'HighCPUUsage']);
  });

  it('matches free text case-insensitively in alertname, label values, summary and description', () => {
    expect(keep('diskspace')).toEqual(['DiskSpaceLow']);
    expect(keep('WEB-1')).toEqual(['HighCPUUsage']);
    expect(keep('cpu usage')).toEqual(['HighCPUUsage']);
    expect(keep('4 %')).toEqual(['DiskSpaceLow']);
    expect(keep('"disk space low"')).toEqual(['DiskSpaceLow']);
  });

  it('needs every word to match', () => {
    expect(keep('disk db-1')).toEqual(['DiskSpaceLow']);
    expect(keep('disk web-1')).toEqual([]);
  });

  it('searches neither label names nor other annotations', () => {
    expect(keep('mountpoint')).toEqual([]);
    // cpu's runbook_url annotation says "disk"; only DiskSpaceLow matches.
    expect(keep('disk')).toEqual(['DiskSpaceLow']);
  });

  it('combines matchers and text', () => {
    expect(keep('severity="critical"')).toEqual(['HighCPUUsage']);
    expect(keep('instance=~"db.*" low')).toEqual(['DiskSpaceLow']);
    expect(keep('instance=~"db.*" cpu')).toEqual([]);
    expect(keep('instance=~"1.*"')).toEqual([]);
  });

  const silenced = indexed({ fingerprint: 's', state: 'suppressed', silencedBy: ['x'] });
  const inhibited = indexed({ fingerprint: 'i', state: 'suppressed', inhibitedBy: ['y'] });
  const acked = indexed({ fingerprint: 'k' }, ACK);
  const active = indexed({ fingerprint: 'a' });
  const unprocessed = indexed({ fingerprint: 'u', state: 'unprocessed' });
  const all = [silenced, inhibited, acked, active, unprocessed];

  it('applies the state toggles', () => {
    const of = (states: string) =>
      all
        .filter(alertSelection({ matchers: [], text: [], states: parseStates(states) }).shows)
        .map((a) => a.item.fingerprint);
    expect(of('active')).toEqual(['a', 'u']);
    expect(of('active,acknowledged')).toEqual(['k', 'a', 'u']);
    expect(of('silenced')).toEqual(['s']);
    expect(of('inhibited')).toEqual(['i']);
    expect(of('')).toEqual([]);
  });

  it('counts by state only the alerts the matchers and text find, each toggle as it would list them', () => {
    const info = { alertname: 'SlowAPI', severity: 'info' };
    const alerts = [
      ...all,
      indexed({ fingerprint: 'ia', labels: info }),
      indexed({ fingerprint: 'ia2', labels: info, state: 'unprocessed' }),
      indexed({ fingerprint: 'is', labels: info, state: 'suppressed', silencedBy: ['x'] }),
      indexed({ fingerprint: 'ik', labels: info }, ACK),
    ];
    const selection = alertSelection({ ...parseFilter('severity="info"'), states: parseStates('active') });
    expect(alerts.filter(selection.shows).map((a) => a.item.fingerprint)).toEqual(['ia', 'ia2']);
    expect(selection.byState).toEqual({ active: 2, silenced: 1, inhibited: 0, acknowledged: 1 });
    for (const state of ALL) {
      const alone = alertSelection({ ...parseFilter('severity="info"'), states: new Set([state]) });
      expect(alerts.filter(alone.shows)).toHaveLength(selection.byState[state]);
    }
    // Free text narrows the counts too.
    const text = alertSelection({ ...parseFilter('slowapi'), states: parseStates('silenced') });
    expect(alerts.filter(text.shows).map((a) => a.item.fingerprint)).toEqual(['is']);
    expect(text.byState).toEqual({ active: 2, silenced: 1, inhibited: 0, acknowledged: 1 });
  });

  it('leaves out of the counts an alert a negative matcher leaves out of the list (the hidden heartbeat)', () => {
    // makeAlert's alert is the always-firing heartbeat, Watchdog.
    const watchdog = indexed({ fingerprint: 'w' });
    const down = { alertname: 'InstanceDown', severity: 'critical' };
    const firing = indexed({ fingerprint: 'a', labels: down });
    const mine = indexed({ fingerprint: 'k', labels: down }, ACK);
    const hidden = alertSelection({
      ...parseFilter('alertname!="Watchdog"'),
      states: parseStates('active,acknowledged'),
    });
    expect([watchdog, firing, mine].filter(hidden.shows).map((a) => a.item.fingerprint)).toEqual(['a', 'k']);
    expect(hidden.byState).toEqual({ active: 1, silenced: 0, inhibited: 0, acknowledged: 1 });
  });

  it('gives the same counts whichever states are selected, none included', () => {
    const counts = (states: string) => {
      const selection = alertSelection({ matchers: [], text: [], states: parseStates(states) });
      for (const alert of all) selection.shows(alert);
      return selection.byState;
    };
    const every = { active: 2, silenced: 1, inhibited: 1, acknowledged: 1 };
    for (const states of [
      '',
      'active',
      'silenced',
      'active,acknowledged',
      'active,silenced,inhibited,acknowledged',
    ])
      expect(counts(states), states).toEqual(every);
  });
});
