import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocalTime, RelativeTime } from '@/components/format/local-time';
import { TimeZoneSwitch } from './time-zone-switch';

/**
 * What the server sends (and what the browser's first, hydrating render must repeat): the switch on its
 * default and every time in UTC, whatever the zone the server runs in. The browser then re-renders in the
 * viewer's zone; e2e/time-zone.spec.ts drives the switch in a browser set to Europe/Brussels.
 */
describe('TimeZoneSwitch and LocalTime on the server', () => {
  it('offers local and UTC, local chosen', () => {
    const html = renderToStaticMarkup(<TimeZoneSwitch />);
    expect(html).toContain('<legend class="mb-1 text-xs text-muted">Times</legend>');
    expect(html).toContain('name="time-zone" checked="" value="local"');
    expect(html).toContain('name="time-zone" value="UTC"');
    expect(html.match(/checked=""/g)).toHaveLength(1);
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
