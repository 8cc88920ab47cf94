import { CoverEnd } from '@/components/oncall/cover-end';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { listSchedules } from '@/lib/schedules/read';

export const metadata = { title: 'Schedules' };

/** Every schedule with its team and who is on call now; responders start a new one here. */
export default async function SchedulesPage() {
  const actor = await requirePageUser();
  const schedules = await listSchedules(actor);
  return (
    <>
      <PageHeader
        title="Schedules"
        description="Rotations decide who is on call; escalation policies page them."
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <Link
              href="/teams"
              className="inline-flex min-h-11 items-center text-sm text-accent hover:underline sm:min-h-0"
            >
              Teams
            </Link>
            {hasRole(actor.role, 'responder') ? (
              <Link
                href="/schedules/new"
                className="inline-flex min-h-11 items-center rounded-md bg-accent px-3 text-sm font-medium text-accent-fg sm:min-h-0 sm:py-1.5"
              >
                New schedule
              </Link>
            ) : null}
          </div>
        }
      />
      {schedules.length === 0 ? (
        <p className="text-sm text-muted">
          No schedule yet. Create one, then name it in an escalation policy.
        </p>
      ) : (
        <ul
          className="flex flex-col divide-y divide-border rounded-lg border border-border bg-surface"
          data-testid="schedule-list"
        >
          {schedules.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <Link
                href={`/schedules/${encodeURIComponent(s.slug)}`}
                className="font-medium text-accent hover:underline"
              >
                {s.name}
              </Link>
              <span className="text-muted">{s.team ? `Team ${s.team.name}` : 'No team'}</span>
              <span>
                {s.onCallNow ? (
                  <>
                    {s.onCallNow.name ?? s.onCallNow.email}{' '}
                    <CoverEnd until={s.onCallNow.until} continues={s.onCallNow.continues} />
                  </>
                ) : (
                  'Nobody on call now'
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
