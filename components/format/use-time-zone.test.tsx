import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProfileZone } from './profile-zone';
import { useTimeZone, useZoneForNew } from './use-time-zone';

/**
 * What the server renders, and the browser's hydrating render repeats, for a form that types a time or
 * fills in a zone: typed times in the zone the page shows, a new rule's zone the profile's or, for a
 * profile left at UTC, empty until the browser says (schedule-form.ts rezoned then fills it in).
 */
function Zones() {
  return (
    <>
      <output id="typed">{useTimeZone()}</output>
      <output id="new">{useZoneForNew()}</output>
    </>
  );
}

const render = (profile: string) =>
  renderToStaticMarkup(
    <ProfileZone zone={profile}>
      <Zones />
    </ProfileZone>,
  );

describe('zones of typed times and new rules on the server', () => {
  it('are the profile’s when it names one', () => {
    expect(render('Europe/Brussels')).toBe(
      '<output id="typed">Europe/Brussels</output><output id="new">Europe/Brussels</output>',
    );
  });

  it('leave a new rule’s zone empty, not UTC, for a profile left at UTC: the browser knows better', () => {
    expect(render('UTC')).toBe('<output id="typed">UTC</output><output id="new"></output>');
  });
});
