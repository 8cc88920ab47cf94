/**
 * "03:12 Europe/Brussels": a moment as the time of day in a person's IANA zone, for messages sent to
 * them (Intl applies the zone's rules, daylight saving included). The zone is named rather than
 * abbreviated: Intl's abbreviations depend on the locale (en-GB writes "CET" but "GMT-4" for New York).
 */
export function clockIn(at: Date, timeZone: string): string {
  try {
    const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
      at,
    );
    return `${time} ${timeZone}`;
  } catch {
    // A zone this runtime does not know (a stored value from a newer tz database): say it in UTC.
    return `${at.toISOString().slice(11, 16)} UTC`;
  }
}
