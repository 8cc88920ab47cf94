import { Temporal } from 'temporal-polyfill';

/**
 * A time zone as people type it → the IANA id we store, pure and browser-safe. Ids are matched without
 * regard to case (IANA says they are case-insensitive), so "europe/brussels" is stored and shown as
 * "Europe/Brussels", the spelling Temporal gives back. Every spelling of UTC becomes "UTC", the profile
 * default.
 *
 * Refused, with a city zone to use instead: the legacy ids named after an abbreviation (EST, CET,
 * PST8PDT…), which tzdata keeps only for old systems — EST is −05:00 all year, wrong for New York half
 * of it, and EST5EDT ignores the rules New York followed before 1967 — and bare offsets ("+01:00"),
 * which Temporal accepts but which have no daylight saving either. Etc/GMT±N stay accepted: their
 * name says they are a fixed offset.
 *
 *   canonicalTimeZone('europe/brussels') → {zone: 'Europe/Brussels'}
 *   canonicalTimeZone('Etc/UTC')         → {zone: 'UTC'}
 *   canonicalTimeZone('EST')             → {problem: 'EST has no daylight saving; use a city zone such as America/New_York.'}
 */
export type TimeZoneCheck = { zone: string; problem?: undefined } | { zone?: undefined; problem: string };

/** The legacy ids tzdata still lists, each with the city zone people usually mean by it. */
const LEGACY: Record<string, { city: string; fixed: boolean }> = {
  EST: { city: 'America/New_York', fixed: true },
  MST: { city: 'America/Denver', fixed: true },
  HST: { city: 'Pacific/Honolulu', fixed: true },
  EST5EDT: { city: 'America/New_York', fixed: false },
  CST6CDT: { city: 'America/Chicago', fixed: false },
  MST7MDT: { city: 'America/Denver', fixed: false },
  PST8PDT: { city: 'America/Los_Angeles', fixed: false },
  CET: { city: 'Europe/Berlin', fixed: false },
  MET: { city: 'Europe/Berlin', fixed: false },
  EET: { city: 'Europe/Athens', fixed: false },
  WET: { city: 'Europe/Lisbon', fixed: false },
};

/** tzdata's other names for UTC (backward links), upper-cased. */
const UTC_ALIASES = new Set(
  [
    'UTC',
    'Etc/UTC',
    'Etc/UCT',
    'UCT',
    'Etc/Universal',
    'Universal',
    'Etc/Zulu',
    'Zulu',
    'GMT',
    'Etc/GMT',
    'Etc/GMT0',
    'Etc/GMT+0',
    'Etc/GMT-0',
    'GMT0',
    'GMT+0',
    'GMT-0',
    'Etc/Greenwich',
    'Greenwich',
  ].map((z) => z.toUpperCase()),
);

const UNKNOWN = (zone: string) =>
  `Unknown time zone "${zone}": use an IANA name such as "Europe/Brussels" or "America/New_York".`;

/**
 * `legacy: 'keep'` accepts the legacy ids and offsets (in their canonical spelling) instead of refusing
 * them: for data stored before they were refused, which the on-call YAML exports and must import again.
 */
export function canonicalTimeZone(
  input: string,
  { legacy: keep = 'refuse' }: { legacy?: 'refuse' | 'keep' } = {},
): TimeZoneCheck {
  const typed = input.trim();
  if (UTC_ALIASES.has(typed.toUpperCase())) return { zone: 'UTC' };
  const legacy = keep === 'keep' ? undefined : LEGACY[typed.toUpperCase()];
  if (legacy) {
    const why = legacy.fixed ? 'has no daylight saving' : 'is a legacy zone kept for old systems';
    return { problem: `${typed.toUpperCase()} ${why}; use a city zone such as ${legacy.city}.` };
  }
  if (keep === 'refuse' && /^[+-]\d/.test(typed))
    return {
      problem: `"${typed}" is a fixed offset with no daylight saving; use a city zone such as Europe/Brussels.`,
    };
  try {
    // Temporal validates the id and gives it back in IANA's case; aliases (US/Eastern) keep their name.
    return { zone: Temporal.Now.zonedDateTimeISO(typed).timeZoneId };
  } catch {
    return { problem: UNKNOWN(typed) };
  }
}
