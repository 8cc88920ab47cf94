import { LocalTime } from '@/components/format/local-time';
import { NO_HAND_OFF } from '@/components/oncall/cover-end';
import { nextOnCall } from '@/components/oncall/next-on-call';
import { SwapRequests } from '@/components/oncall/swap-requests';
import { Badge } from '@/components/ui/badge';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { requirePageUser } from '@/lib/auth';
import { ValidationError } from '@/lib/errors';
import { onCallEverywhere, scheduleShifts } from '@/lib/schedules/read';
import { onCallQuerySchema } from '@/lib/schedules/schedule-schemas';
import { ON_CALL_HORIZON_DAYS } from '@/lib/schedules/shifts';
import { parseInput } from '@/lib/validation';
import { AtPicker } from './_components/at-picker';

export const metadata = { title: 'On call' };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Who is on call on every schedule, now or at a chosen time, until when, and who comes next. */
export default async function OnCallPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageUser();
  const asked = first((await searchParams).at);
  let at = new Date();
  let problem: string | undefined;
  if (asked)
    try {
      at = parseInput(onCallQuerySchema, { at: asked }).at ?? at;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problem = `${Object.values(error.fields)[0] ?? error.message} Showing now instead.`;
    }
  const answer = await onCallEverywhere(actor, at);
  const horizon = new Date(at.getTime() + ON_CALL_HORIZON_DAYS * 86_400_000);
  const upcoming = await Promise.all(
    answer.schedules.map(async (s) =>
      nextOnCall((await scheduleShifts(actor, s.id, { from: at, to: horizon })).final, at),
    ),
  );
  const rows = answer.schedules.map((s, i) => ({ ...s, next: upcoming[i] ?? null }));
  const shownAt = asked && !problem ? answer.at : null;

  return (
    <>
      <PageHeader
        title="On call"
        description="Who is on call on every schedule, and until when. Times are in your time zone."
        actions={
          <div className="flex flex-wrap items-end gap-3">
            <Link
              href="/schedules"
              className="inline-flex min-h-11 items-center text-sm text-accent hover:underline sm:min-h-0"
            >
              All schedules
            </Link>
            <AtPicker at={shownAt} />
          </div>
        }
      />
      <SwapRequests />
      {problem ? (
        <p role="alert" className="mb-3 text-sm text-danger">
          {problem}
        </p>
      ) : null}
      <p className="mb-2 text-sm" data-testid="oncall-at">
        {shownAt ? (
          <>
            On call at <LocalTime at={shownAt} />
          </>
        ) : (
          'On call now'
        )}
      </p>
      <Table
        framed
        caption="Who is on call on each schedule"
        columns={[{ header: 'Schedule' }, { header: 'On call' }, { header: 'Until' }, { header: 'Next' }]}
        rows={rows}
        rowKey={(r) => r.id}
        empty="No schedules yet. Create one with the API (POST /api/v1/schedules) and it shows here."
        testId="oncall-table"
        stackOnPhone
        renderRow={(r) => (
          // On a phone (stackOnPhone) a row is a card: the schedule on a line of its own, who is on call
          // and until when beneath it, then who is next; "until" and "Next:" are CSS content there, so
          // the cells' text stays what the columns say.
          <tr className="border-t border-border align-top max-sm:flex max-sm:flex-wrap max-sm:items-baseline max-sm:gap-x-2 max-sm:gap-y-0.5 max-sm:px-3 max-sm:py-2 max-sm:first:border-t-0">
            <td className="px-3 py-2 max-sm:w-full max-sm:p-0">
              <Link href={`/schedules/${r.slug}`} className="font-medium text-accent hover:underline">
                {r.name}
              </Link>
            </td>
            <td className="px-3 py-2 max-sm:p-0">
              {r.onCall ? (
                <span className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium">{r.onCall.name ?? r.onCall.email}</span>
                  {r.onCall.source === 'override' ? <Badge tone="warn">override</Badge> : null}
                </span>
              ) : (
                <span className="text-muted">Nobody</span>
              )}
            </td>
            <td
              className={`px-3 py-2 whitespace-nowrap max-sm:p-0 ${
                !r.onCall
                  ? 'max-sm:hidden'
                  : r.onCall.continues
                    ? 'max-sm:whitespace-normal'
                    : "max-sm:before:text-muted max-sm:before:content-['until_']"
              }`}
            >
              {r.onCall ? (
                r.onCall.continues ? (
                  <span className="text-muted">{NO_HAND_OFF}</span>
                ) : (
                  <LocalTime at={r.onCall.until} />
                )
              ) : (
                <span className="text-muted">—</span>
              )}
            </td>
            <td className="px-3 py-2 max-sm:w-full max-sm:p-0 max-sm:before:text-muted max-sm:before:content-['Next:_']">
              {r.next ? (
                <>
                  {r.next.name ?? r.next.userId}{' '}
                  <span className="whitespace-nowrap text-muted">
                    from <LocalTime at={r.next.start} />
                  </span>
                </>
              ) : (
                <span className="text-muted">Nobody in the next {ON_CALL_HORIZON_DAYS} days</span>
              )}
            </td>
          </tr>
        )}
      />
    </>
  );
}
