/**
 * The confirmation after a silence is saved, with its end in the zone the console shows (`timeZone`, as
 * the silences list): the time alone when it ends today, with the day otherwise. Pure.
 *
 *   savedSilenceText(04:12 today, now, {editing: false}) → 'Silenced until 04:12'
 *   savedSilenceText(Tue 09:00, Mon 23:00, {editing: true}) → 'Silence saved: until Tue 24 Nov, 09:00'
 */
export function savedSilenceText(
  endsAt: Date,
  now: Date,
  { editing, timeZone }: { editing: boolean; timeZone: string },
): string {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(day(endsAt) === day(now) ? {} : { weekday: 'short', day: 'numeric', month: 'short' }),
  }).format(endsAt);
  return `${editing ? 'Silence saved: until' : 'Silenced until'} ${time}`;
}
