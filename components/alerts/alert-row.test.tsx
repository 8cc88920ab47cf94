import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AlertItem } from '@/lib/alerts/api-schema';
import { AlertRow } from './alert-row';

const alert: AlertItem = {
  fingerprint: 'f1',
  cluster: 'main',
  alertname: 'InstanceDown',
  severity: 'critical',
  summary: 'db-1 is down',
  incident: null,
  flapping: null,
  labels: { alertname: 'InstanceDown', instance: 'db-1', job: 'postgres', severity: 'critical' },
  annotations: {},
  state: 'firing',
  startsAt: '2026-12-04T03:00:00.000Z',
  updatedAt: '2026-12-04T03:00:00.000Z',
  generatorURL: '',
  receivers: ['ops'],
  peers: ['am-1'],
  silencedBy: [],
  inhibitedBy: [],
  ack: null,
  runbook: null,
  groupKey: 'g',
};

const render = (props: Partial<Parameters<typeof AlertRow>[0]> = {}) =>
  renderToStaticMarkup(
    <AlertRow
      alert={alert}
      selected={false}
      isNew={false}
      nowMs={Date.parse('2026-12-04T03:05:00.000Z')}
      href="/alerts?alert=f1"
      onOpen={() => {}}
      onSelect={() => {}}
      {...props}
    />,
  );

describe('AlertRow', () => {
  it('offers each key label as a filter chip with an exclude button beside it', () => {
    const html = render({ onLabel: () => {} });
    expect(html).toContain('>instance=db-1</button>');
    expect(html).toContain('aria-label="Hide instance=&quot;db-1&quot;"');
    expect(html).toContain('>job=postgres</button>');
    expect(html.match(/data-testid="label-chip"/g)).toHaveLength(2);
  });

  it('names a chip by the matcher it adds, quoted and escaped as Prometheus writes it', () => {
    const odd = { ...alert, labels: { ...alert.labels, instance: 'he said "hi"\nbye' } };
    const html = render({ alert: odd, onLabel: () => {} });
    expect(html).toContain('aria-label="Hide instance=&quot;he said \\&quot;hi\\&quot;\\nbye&quot;"');
  });

  it('shows labels as plain text without a filter to add them to', () => {
    const html = render();
    expect(html).toContain('instance=db-1');
    expect(html).not.toContain('label-chip');
  });

  it('has a labelled checkbox only where several alerts may be acted on', () => {
    expect(render()).not.toContain('type="checkbox"');
    const html = render({ checked: true, onCheck: () => {} });
    expect(html).toContain('aria-label="Select InstanceDown"');
    expect(html).toMatch(/<input type="checkbox"[^>]*checked=""/);
  });

  it('says "no severity" for an alert without the label, not the API\'s sort key "none"', () => {
    const { severity: _, ...labels } = alert.labels;
    const html = render({ alert: { ...alert, severity: 'none', labels } });
    expect(html).toContain('>no severity</span>');
    expect(render()).toContain('>critical</span>');
  });
  it('marks a flapping alert, saying how often it changed state', () => {
    expect(render()).not.toContain('flapping');
    const html = render({ alert: { ...alert, flapping: { changes: 6, windowSeconds: 3600 } } });
    expect(html).toContain('>flapping<');
    expect(html).toContain('Fired or resolved 6 times in the last 1 h');
  });
});
