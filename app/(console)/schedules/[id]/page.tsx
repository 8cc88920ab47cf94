import { notFound } from 'next/navigation';
import { LocalTime } from '@/components/format/local-time';
import { CoverEnd } from '@/components/oncall/cover-end';
import { ScheduleCalendarFeeds } from '@/components/schedules/calendar-feeds';
import { ScheduleTimeline } from '@/components/schedules/schedule-timeline';
import { viewParams } from '@/components/schedules/view-params';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { NotFoundError } from '@/lib/errors';
import { getSchedule } from '@/lib/schedules/read';
import type { ScheduleDetail } from '@/lib/schedules/schedule-schemas';
import { LayerList } from './_components/layer-list';
import { AddOverride, DeleteOverride } from './_components/override-controls';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, 'params'>) {
  const { id } = await params;
  return { title: `Schedule ${decodeURIComponent(id)}` };
}

/** One schedule: who is on call now, its week or month of shifts with each layer, layers and overrides. */
export default async function SchedulePage({ params, searchParams }: Props) {
  const actor = await requirePageUser();
  const { id } = await params;
  let schedule: ScheduleDetail;
  try {
    schedule = await getSchedule(actor, decodeURIComponent(id));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { view, from } = viewParams(await searchParams);
  const now = schedule.onCallNow;
  const canAct = hasRole(actor.role, 'responder');

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={schedule.name}
        description={[
          schedule.team ? `Team ${schedule.team.name}` : 'No team',
          `zone ${schedule.timeZone}`,
          schedule.description,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          schedule.canManage ? (
            <Link
              href={`/schedules/${encodeURIComponent(schedule.slug)}/edit`}
              className="inline-flex min-h-11 items-center rounded-md border border-border bg-surface px-3 text-sm font-medium hover:bg-bg sm:min-h-0 sm:py-1.5"
            >
              Edit schedule
            </Link>
          ) : null
        }
      />
      <p className="text-sm" data-testid="schedule-on-call-now">
        {now ? (
          <>
            On call now: <span className="font-medium">{now.name ?? now.email}</span>{' '}
            <CoverEnd until={now.until} continues={now.continues} />
            {now.source === 'override' ? (
              <>
                {' '}
                <Badge tone="warn">override</Badge>
              </>
            ) : null}
          </>
        ) : (
          'Nobody is on call now.'
        )}
      </p>
      <ScheduleTimeline
        scheduleId={schedule.id}
        path={`/schedules/${encodeURIComponent(schedule.slug)}`}
        scheduleZone={schedule.timeZone}
        view={view}
        from={from}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Layers">
          <LayerList layers={schedule.layers} />
        </Card>
        <Card title="Upcoming overrides">
          {canAct ? (
            <div className="mb-2">
              <AddOverride
                scheduleId={schedule.id}
                onlyYou={schedule.canManage ? null : { id: actor.id, name: actor.name ?? actor.email }}
              />
            </div>
          ) : null}
          {schedule.upcomingOverrides.length === 0 ? (
            <p className="text-sm text-muted">None.</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {schedule.upcomingOverrides.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center gap-2" data-testid="override-item">
                  <span className="font-medium">{o.name ?? o.email}</span>{' '}
                  <span className="text-muted">
                    <LocalTime at={o.startsAt} /> – <LocalTime at={o.endsAt} />
                  </span>
                  {canAct && (schedule.canManage || o.userId === actor.id) ? (
                    <DeleteOverride scheduleId={schedule.id} overrideId={o.id} who={o.name ?? o.email} />
                  ) : null}
                  {o.reason ? <div className="basis-full text-xs text-muted">{o.reason}</div> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="Calendar">
        <ScheduleCalendarFeeds scheduleId={schedule.id} />
      </Card>
    </div>
  );
}
