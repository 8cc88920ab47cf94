import type { ZonePreference } from './time-zone-store';

/**
 * Which zone is the reader's own ("local" in the user menu): the time zone of their profile when they
 * have set one, else the browser's. The profile's is what reports, calendar feeds and pages sent to
 * them use, so someone whose laptop is still on another zone reads one zone everywhere. Pure.
 *
 * `User.timeZone` defaults to 'UTC' and has no "not set" value, so 'UTC' counts as not set: a person
 * who wants UTC everywhere picks UTC on the switch in the user menu, which keeps working either way.
 *
 *   localZone('Europe/Brussels', 'America/New_York') → {zone: 'Europe/Brussels', source: 'profile'}
 *   localZone('UTC', 'America/New_York')             → {zone: 'America/New_York', source: 'browser'}
 *   localZone('UTC', null)                           → null   (on the server: no browser to ask)
 *   shownZone('UTC', anything)                       → 'UTC'  (the switch in the user menu)
 */

export type LocalZone = { zone: string; source: 'profile' | 'browser' };

/** The column's default (prisma/schema.prisma, User.timeZone): a profile that was never set. */
const UNSET_PROFILE_ZONE = 'UTC';

const known = new Map<string, boolean>();

/**
 * Whether this runtime's zone database knows `zone`. A profile zone is checked by the server when saved,
 * but a browser with an older database may not know a new zone, and Intl throws on one it does not.
 */
export function isKnownZone(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok;
}

/** The reader's own zone, or null when neither is known (the server, for a profile left unset). */
export function localZone(
  profileZone: string | null | undefined,
  browserZone: string | null | undefined,
): LocalZone | null {
  if (profileZone && profileZone !== UNSET_PROFILE_ZONE && isKnownZone(profileZone))
    return { zone: profileZone, source: 'profile' };
  if (browserZone) return { zone: browserZone, source: 'browser' };
  return null;
}

/** The zone times are written in: UTC when chosen, else the reader's own (UTC while it is unknown). */
export function shownZone(preference: ZonePreference, local: LocalZone | null): string {
  return preference === 'UTC' ? 'UTC' : (local?.zone ?? 'UTC');
}

/**
 * The zone filled in for something new that keeps a zone of its own (a schedule, a layer, a maintenance
 * window): the reader's own zone, also while the switch in the user menu shows UTC. The switch says how
 * instants are read; a rule's zone says when its "09:00" is, across daylight-saving changes, and a team in
 * Brussels wants its 09:00 hand-off to stay 09:00 in summer. Empty while the zone is unknown (the server,
 * and the browser's hydrating render, for a profile left at UTC): an empty field for a moment rather than
 * a guess someone might save.
 *
 *   zoneForNew({zone: 'Europe/Brussels', source: 'profile'}) → 'Europe/Brussels'  (switch on UTC or not)
 *   zoneForNew({zone: 'Asia/Tokyo', source: 'browser'})      → 'Asia/Tokyo'
 *   zoneForNew(null)                                         → ''
 */
export function zoneForNew(local: LocalZone | null): string {
  return local?.zone ?? '';
}

/**
 * What "local" means, for the switch in the user menu.
 *
 *   describeLocalZone({zone: 'Europe/Brussels', source: 'profile'}) → 'Europe/Brussels (profile)'
 *   describeLocalZone({zone: 'Asia/Tokyo', source: 'browser'})      → 'Asia/Tokyo (this browser)'
 */
export function describeLocalZone(local: LocalZone | null): string {
  if (!local) return 'this browser’s zone';
  return `${local.zone} (${local.source === 'profile' ? 'profile' : 'this browser'})`;
}
