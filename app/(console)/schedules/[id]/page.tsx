import { notFound } from 'next/navigation';
import { LocalTime } from '@/components/format/local-time';
import { ScheduleTimeline } from '@/components/schedules/schedule-timeline';
import { viewParams } from '@/components/schedules/view-params';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { NotFoundError } from '@/lib/errors';
import { getSchedule } from '@/lib/schedules/read';
import type { ScheduleDetail } from '@/lib/schedules/schedule-schemas';
import { LayerList } from './_components/layer-list';

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
      />
      <p className="text-sm" data-testid="schedule-on-call-now">
        {now ? (
          <>
            On call now: <span className="font-medium">{now.name ?? now.email}</span> until{' '}
            <LocalTime at={now.until} />
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
          {schedule.upcomingOverrides.length === 0 ? (
            <p className="text-sm text-muted">None.</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {schedule.upcomingOverrides.map((o) => (
                <li key={o.id}>
                  <span className="font-medium">{o.name ?? o.email}</span>{' '}
                  <span className="text-muted">
                    <LocalTime at={o.startsAt} /> – <LocalTime at={o.endsAt} />
                  </span>
                  {o.reason ? <div className="text-xs text-muted">{o.reason}</div> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
