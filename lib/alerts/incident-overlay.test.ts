import { describe, expect, it } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { buildRunbookLinks } from '@/lib/runbooks/link';
import { ackKey } from './ack-overlay';
import { indexAlert } from './alert-items';
import { withIncidents } from './incident-overlay';

const alert = (fingerprint: string) =>
  indexAlert({ ...makeAlert({ fingerprint }), cluster: 'eu', peers: [] });
const RUNBOOKS = buildRunbookLinks([
  { slug: 'instance-down', title: 'Instance down', alerts: ['InstanceDown'] },
]);
const INC = { id: 'c1', ref: 'INC-3', title: 'InstanceDown on db-1' };

describe('withIncidents', () => {
  it('sets the incident of linked alerts and keeps the others as they are', () => {
    const [a, b] = [alert('a'), alert('b')];
    const [a2, b2] = withIncidents([a, b], new Map([[ackKey('eu', 'b'), INC]]));
    expect(a2).toBe(a);
    expect(b2?.item.incident).toEqual(INC);
    expect(b.item.incident).toBeNull();
  });

  it("opens a linked alert's runbook for its incident, so ticked steps land on the timeline", () => {
    const down = indexAlert(
      {
        ...makeAlert({ fingerprint: 'f1', labels: { alertname: 'InstanceDown' } }),
        cluster: 'eu',
        peers: [],
      },
      RUNBOOKS,
    );
    const [linked] = withIncidents([down], new Map([[ackKey('eu', 'f1'), INC]]));
    expect(linked?.item.runbook?.url).toBe('/runbooks/instance-down?alert=f1&incident=INC-3');
    expect(down.item.runbook?.url).toBe('/runbooks/instance-down?alert=f1');
  });

  it('returns the very same array when nothing is linked', () => {
    const alerts = [alert('a')];
    expect(withIncidents(alerts, new Map())).toBe(alerts);
  });

  it('links by cluster and fingerprint, not fingerprint alone', () => {
    const [a] = withIncidents([alert('a')], new Map([[ackKey('us', 'a'), INC]]));
    expect(a?.item.incident).toBeNull();
  });
});
