import { LocalTime } from '@/components/format/local-time';
import { ON_CALL_HORIZON_DAYS } from '@/lib/schedules/shifts';

/** What "until" says when a person's cover runs past the look-ahead (a rotation of one, say). */
export const NO_HAND_OFF = `with no hand-off in the next ${ON_CALL_HORIZON_DAYS} days`;

/**
 * "until Tue 09:00", or "with no hand-off in the next 35 days" when the cover runs past what Vigil
 * looks ahead: the end it computed then is where it stopped looking, not a hand-off.
 */
export function CoverEnd({ until, continues }: { until: string; continues: boolean }) {
  if (continues) return <span data-testid="cover-end">{NO_HAND_OFF}</span>;
  return (
    <span data-testid="cover-end">
      until <LocalTime at={until} />
    </span>
  );
}

/**
 * The end of a listed shift: its hand-off, or "no hand-off before 2027-01-25 05:15" when the shift runs
 * past what Vigil looked at (`continues`): the end it computed is where it stopped looking.
 */
export function ShiftEnd({ end, continues }: { end: string; continues: boolean }) {
  if (!continues) return <LocalTime at={end} />;
  return (
    <span data-testid="shift-end">
      no hand-off before <LocalTime at={end} />
    </span>
  );
}
