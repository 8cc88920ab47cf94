import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProfileZone } from '@/components/format/profile-zone';
import { formatTime } from '@/components/format/time';
import type { SilenceRow } from '@/lib/incidents/silence-list';
import { SilenceDialog } from './silence-dialog';
import { formatUtc } from './silence-time';

/**
 * The dialog's first render (effects, the preview request and showModal happen in the browser, which
 * the e2e spec covers): prefills land in the right controls and every control has a name.
 */

const render = (node: ReactNode) =>
  renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);

const row: SilenceRow = {
  id: 'abc',
  cluster: 'default',
  state: 'active',
  matchers: [
    { name: 'alertname', value: 'InstanceDown', isRegex: false, isEqual: true },
    { name: 'instance', value: 'db-.*', isRegex: true, isEqual: true },
  ],
  matchersText: 'alertname="InstanceDown", instance=~"db-.*"',
  startsAt: '2026-11-21T09:00:00.000Z',
  // Two hours from now: the dialog checks the current end as the server would (not past, within a year).
  endsAt: new Date(Math.floor(Date.now() / 60_000) * 60_000 + 2 * 3_600_000).toISOString(),
  createdBy: 'alice@example.com',
  comment: 'disk swap',
  silencedAlerts: 2,
  expiringSoon: false,
  longLived: false,
  matchesNothing: false,
  record: null,
};

describe('SilenceDialog', () => {
  it('opens empty for a new silence, one blank matcher row and the 1h preset', () => {
    const html = render(<SilenceDialog onClose={() => {}} />);
    expect(html).toContain('New silence');
    expect(html).toContain('aria-label="Matcher 1 label"');
    expect(html).toContain('aria-label="Matcher 1 operator"');
    expect(html).toContain('aria-label="Matcher 1 value"');
    expect(html).not.toContain('Matcher 2');
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="1h"/);
    expect(html).not.toContain('value="unchanged"');
    expect(html).toContain('Add a matcher to see the alerts it would silence.');
    expect(html).toContain('Create silence');
  });

  it('reads a prefill from an alert into rows, with the cluster it names', () => {
    const html = render(
      <SilenceDialog
        initial={{ matchers: 'alertname="X", instance!~"db.*"', comment: 'from the alert', cluster: 'eu' }}
        onClose={() => {}}
      />,
    );
    expect(html).toMatch(/aria-label="Matcher 1 label"[^>]*value="alertname"/);
    expect(html).toMatch(/aria-label="Matcher 2 value"[^>]*value="db.\*"/);
    expect(html).toMatch(/<option value="!~" selected="">/);
    expect(html).toContain('from the alert');
    expect(html).toContain('Alertmanager cluster');
    expect(html).toMatch(/value="eu"/);
  });

  it('keeps text that does not read as matchers as text', () => {
    const html = render(<SilenceDialog initial={{ matchers: 'alertname="X' }} onClose={() => {}} />);
    expect(html).toContain('Matchers as text');
    expect(html).toContain('alertname=&quot;X</textarea>');
  });

  it('edits a silence: its matchers, comment, and the end left unchanged', () => {
    const html = render(<SilenceDialog editing={row} onClose={() => {}} />);
    expect(html).toContain('Edit silence');
    expect(html).toContain('In cluster default, made by alice@example.com.');
    expect(html).toMatch(/aria-label="Matcher 2 value"[^>]*value="db-\.\*"/);
    expect(html).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="unchanged"/);
    expect(html).toContain('disk swap</textarea>');
    expect(html).toContain(`Unchanged: ends ${formatUtc(row.endsAt)}`);
    expect(html).toContain('Save changes');
    // A silence cannot move between clusters.
    expect(html).not.toContain('Alertmanager cluster');
  });

  it('names the end in the reader’s profile zone, as the silences list does, and in UTC', () => {
    const html = render(
      <ProfileZone zone="Europe/Brussels">
        <SilenceDialog editing={row} onClose={() => {}} />
      </ProfileZone>,
    );
    expect(html).toContain(
      `Unchanged: ends ${formatTime(row.endsAt, 'Europe/Brussels')} (Europe/Brussels) · ${formatUtc(row.endsAt)}`,
    );
  });
});
