'use client';

import { useTimeZone } from '@/components/format/use-time-zone';
import { Link } from '@/components/ui/link';
import { meOp } from '@/lib/admin/api';
import { useApiQuery } from '@/lib/api/query';
import { NO_HAND_OFF } from './cover-end';
import { untilLabel } from './until-label';

const LIST = new Intl.ListFormat('en', { type: 'conjunction' });

type OnCall = {
  scheduleId: string;
  scheduleName: string;
  until: string;
  continues: boolean;
  schedules: { id: string; name: string }[];
};

/**
 * "On call until Tue 09:00" in the header while the signed-in person is on call, linking to /oncall:
 * until they are off call on every schedule (Leads until 09:00, then SRE primary for a week: next week).
 * The layout renders it with what the server knew (no jump on load); GET /api/v1/me keeps it current,
 * since the layout itself is not rendered again on navigation, and overrides and swaps invalidate it.
 */
export function OnCallChip({
  initial,
  nowMs,
  className = '',
}: {
  initial: OnCall | null;
  nowMs: number;
  className?: string;
}) {
  const zone = useTimeZone();
  const me = useApiQuery(meOp, {}, { refetchInterval: 60_000 });
  const onCall = me.data ? me.data.onCall : initial;
  if (!onCall) return null;
  // The server's clock on the first render (the same text on both sides), the answer's time after.
  const now = me.dataUpdatedAt || nowMs;
  // A cover past the look-ahead has no hand-off to name (cover-end.tsx).
  const until = onCall.continues ? NO_HAND_OFF : `until ${untilLabel(onCall.until, zone, now)}`;
  return (
    <Link
      href="/oncall"
      aria-label={`On call ${until}`}
      title={`On call on ${LIST.format(onCall.schedules.map((s) => s.name))} ${until}`}
      className={`flex min-h-11 items-center gap-1.5 whitespace-nowrap rounded-full border border-ok/40 px-2.5 text-xs font-medium text-ok hover:bg-bg lg:min-h-0 lg:py-1 ${className}`}
    >
      <span aria-hidden className="size-2 rounded-full bg-ok" />
      On call {until}
    </Link>
  );
}
