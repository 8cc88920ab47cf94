import { describe, expect, it } from 'vitest';
import { heartbeatExclusion, heartbeatFilter, heartbeatStatus } from './heartbeat';

const watchdog = { cluster: 'main', match: { alertname: 'Watchdog' } };

describe('heartbeatFilter', () => {
  it('matches every label of the heartbeat', () => {
    expect(heartbeatFilter({ alertname: 'Watchdog', team: 'sre' })).toBe('alertname="Watchdog" team="sre"');
  });
});

describe('heartbeatExclusion', () => {
  it('hides a one-label heartbeat, once for clusters sharing it', () => {
    expect(heartbeatExclusion('job="api"', [watchdog, { ...watchdog, cluster: 'edge' }])).toBe(
      'alertname!="Watchdog"',
    );
  });

  it('hides nothing when the user asks for the heartbeat', () => {
    expect(heartbeatExclusion('watchdog', [watchdog])).toBe('');
    expect(heartbeatExclusion('alertname="Watchdog"', [watchdog])).toBe('');
  });

  it('adds nothing to a filter that does not parse, so its error is about what the user typed', () => {
    expect(heartbeatExclusion('severity="crit', [watchdog])).toBe('');
  });

  it('cannot hide a heartbeat matched by several labels, nor anything without heartbeats', () => {
    expect(heartbeatExclusion('', [{ cluster: 'main', match: { alertname: 'Watchdog', team: 'sre' } }])).toBe(
      '',
    );
    expect(heartbeatExclusion('', [])).toBe('');
  });
});

describe('heartbeatStatus', () => {
  const alert = (cluster: string, state: 'firing' | 'silenced') => ({
    cluster,
    state,
    labels: { alertname: 'Watchdog', severity: 'none' },
  });

  it('is OK per cluster only while that cluster lists the heartbeat firing and unmuted', () => {
    const heartbeats = [watchdog, { ...watchdog, cluster: 'edge' }];
    expect(heartbeatStatus([alert('main', 'firing'), alert('edge', 'silenced')], heartbeats)).toEqual([
      { cluster: 'main', ok: true },
      { cluster: 'edge', ok: false },
    ]);
    expect(heartbeatStatus([], [watchdog])).toEqual([{ cluster: 'main', ok: false }]);
  });
});
