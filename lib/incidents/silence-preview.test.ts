import { describe, expect, it } from 'vitest';
import { makeAlert } from '@/lib/alertmanager/testing/make-alert';
import { indexAlerts } from '@/lib/alerts/alert-items';
import { previewSilence } from './silence-preview';

const m = (name: string, value: string, isRegex = false, isEqual = true) => ({
  name,
  value,
  isRegex,
  isEqual,
});

const alerts = indexAlerts(
  Array.from({ length: 120 }, (_, i) => ({
    ...makeAlert({
      fingerprint: `f${i}`,
      labels: {
        alertname: i === 0 ? 'Watchdog' : 'HighCPUUsage',
        instance: `host-${i}`,
        severity: i % 2 ? 'warning' : 'critical',
      },
    }),
    cluster: 'default',
    peers: ['peer 1'],
  })),
);

describe('previewSilence', () => {
  it('lists the alerts the matchers match, worst first, with no warning for a few', () => {
    const preview = previewSilence([m('instance', 'host-1[0-2]', true)], alerts);
    expect(preview).toMatchObject({ matching: 3, total: 120, warning: null });
    expect(preview.alerts.map((a) => a.labels.instance)).toEqual(['host-10', 'host-12', 'host-11']);
  });

  it('warns when nothing matches (a typo?)', () => {
    expect(previewSilence([m('alertname', 'Watchdgo')], alerts).warning).toContain(
      'match no alert firing now',
    );
  });

  it('warns when a great many match, and sends only a sample', () => {
    const preview = previewSilence([m('alertname', 'HighCPUUsage')], alerts);
    expect(preview.matching).toBe(119);
    expect(preview.alerts).toHaveLength(20);
    expect(preview.warning).toContain('119 of 120');
  });

  it('respects negative matchers', () => {
    expect(
      previewSilence([m('alertname', 'Watchdog'), m('severity', 'warning', false, false)], alerts).matching,
    ).toBe(1);
  });
});
