import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocalTime, RelativeTime } from '@/components/format/local-time';
import { ProfileZone } from '@/components/format/profile-zone';
import { TimeZoneSwitch } from './time-zone-switch';

/**
 * What the server sends (and what the browser's first, hydrating render must repeat): the switch on its
 * default and every time in the reader's profile zone, or in UTC for a profile left at the default,
 * whatever the zone the server runs in. The browser then re-renders in its own zone for such a profile;
 * e2e/graphs-and-times.spec.ts drives the switch in a browser set to Europe/Brussels.
 */
describe('TimeZoneSwitch and LocalTime on the server', () => {
  it('offers local and UTC, local chosen', () => {
    const html = renderToStaticMarkup(<TimeZoneSwitch />);
    expect(html).toContain('<legend class="mb-1 text-xs text-muted">Times</legend>');
    expect(html).toContain('name="time-zone" checked="" value="local"');
    expect(html).toContain('name="time-zone" value="UTC"');
    expect(html.match(/checked=""/g)).toHaveLength(1);
    // The server has no browser to ask which zone is its own.
    expect(html).toContain('local: this browser’s zone');
  });

  it('says which zone "local" is when the profile names one, and writes times in it', () => {
    const html = renderToStaticMarkup(
      <ProfileZone zone="Europe/Brussels">
        <TimeZoneSwitch />
        <LocalTime at="2026-12-04T16:14:05Z" />
      </ProfileZone>,
    );
    expect(html).toContain('local: Europe/Brussels (profile)');
    expect(html).toContain('>2026-12-04 17:14 CET</time>');
  });

  it('takes a profile left at UTC, the default, as not set', () => {
    const html = renderToStaticMarkup(
      <ProfileZone zone="UTC">
        <TimeZoneSwitch />
        <LocalTime at="2026-12-04T16:14:05Z" />
      </ProfileZone>,
    );
    expect(html).toContain('local: this browser’s zone');
    expect(html).toContain('>2026-12-04 16:14 UTC</time>');
  });

  it('leaves a pinned zone alone', () => {
    const html = renderToStaticMarkup(
      <ProfileZone zone="Europe/Brussels">
        <LocalTime at="2026-12-04T16:14:05Z" zone="America/New_York" />
      </ProfileZone>,
    );
    expect(html).toContain('>2026-12-04 11:14 EST</time>');
  });

  it('writes times in UTC with a machine-readable dateTime and UTC to the second on hover', () => {
    const html = renderToStaticMarkup(<LocalTime at="2026-03-29T01:30:05Z" />);
    expect(html).toBe(
      '<time dateTime="2026-03-29T01:30:05.000Z" title="2026-03-29 01:30:05 UTC">2026-03-29 01:30 UTC</time>',
    );
  });

  it('writes a missing time as a dash and a clock time alone when asked', () => {
    expect(renderToStaticMarkup(<LocalTime at={null} />)).toBe('<span>—</span>');
    expect(renderToStaticMarkup(<LocalTime at="2026-03-29T01:30:05Z" clock />)).toContain('>01:30:05</time>');
  });

  it('writes relative times with the absolute one on hover', () => {
    const html = renderToStaticMarkup(
      <RelativeTime at="2026-12-04T09:48:00Z" nowMs={Date.parse('2026-12-04T10:00:00Z')} style="for" />,
    );
    expect(html).toBe(
      '<time dateTime="2026-12-04T09:48:00.000Z" title="2026-12-04 09:48:00 UTC">for 12m</time>',
    );
  });
});
