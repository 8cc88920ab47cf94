import { notFound } from 'next/navigation';
import { Fragment } from 'react';
import { ContactMethodsOf, MyContactMethods } from '@/components/contacts/contact-methods';
import { MyNotificationRules } from '@/components/contacts/notification-rules';
import { LocalTime } from '@/components/format/local-time';
import { CoverEnd, ShiftEnd } from '@/components/oncall/cover-end';
import { AskForCover } from '@/components/oncall/swap-requests';
import { PushDevices } from '@/components/push/push-devices';
import { TabNotificationsSetting } from '@/components/push/tab-notifications-setting';
import { MyCalendarFeeds } from '@/components/schedules/calendar-feeds';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth';
import { config } from '@/lib/config/current';
import { NotFoundError } from '@/lib/errors';
import { profile } from '@/lib/people/people';
import type { Profile } from '@/lib/people/people-schemas';
import { MyTimeZone } from './_components/my-time-zone';

export const metadata = { title: 'Profile' };

/** A person: their teams, whether they are on call, their shifts of the next two weeks; and, on one's
 * own profile, the time zone setting, contact methods (an admin sees anyone's contact methods, read
 * only), push pages to this browser and in-tab notifications. `/people/me` is the signed-in user's. */
export default async function ProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser();
  const { id } = await params;
  const userId = id === 'me' ? actor.id : decodeURIComponent(id);
  let person: Profile;
  try {
    person = await profile(actor, userId);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const own = person.id === actor.id;
  const fallback = { email: person.email, mailConfigured: Boolean(config().smtp) };
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={person.name ?? person.email} description={`${person.email} · ${person.role}`} />
      <p className="text-sm" data-testid="profile-on-call">
        {person.onCall ? (
          <>
            On call on{' '}
            {person.onCall.schedules.map((s, i, all) => (
              <Fragment key={s.id}>
                {i === 0 ? '' : i === all.length - 1 ? ' and ' : ', '}
                <Link href={`/schedules/${s.id}`} className="text-accent hover:underline">
                  {s.name}
                </Link>
              </Fragment>
            ))}{' '}
            <CoverEnd until={person.onCall.until} continues={person.onCall.continues} />
          </>
        ) : (
          'Not on call now.'
        )}
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Shifts in the next 14 days">
          {person.upcomingShifts.length === 0 ? (
            <p className="text-sm text-muted">None.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm" data-testid="profile-shifts">
              {person.upcomingShifts.map((s) => (
                <li key={`${s.scheduleId}${s.start}`} className="flex flex-wrap items-center gap-2">
                  <span>
                    <LocalTime at={s.start} /> – <ShiftEnd end={s.end} continues={s.continues} />{' '}
                    <span className="text-muted">{s.scheduleName}</span>
                  </span>
                  {s.source === 'override' ? <Badge tone="warn">override</Badge> : null}
                  {own ? (
                    <AskForCover
                      scheduleId={s.scheduleId}
                      start={s.start}
                      end={s.end}
                      continues={s.continues}
                      you={actor.id}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Teams">
          {person.teams.length === 0 ? (
            <p className="text-sm text-muted">In no team.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {person.teams.map((t) => (
                <li key={t.id}>
                  <Link href={`/teams/${encodeURIComponent(t.slug)}`} className="text-accent hover:underline">
                    {t.name}
                  </Link>
                  {t.isAdmin ? ' (team admin)' : ''}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      {own ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Card title="Your time zone">
            <MyTimeZone current={person.timeZone} />
          </Card>
          <Card title="Your shifts in your calendar">
            <MyCalendarFeeds />
          </Card>
          <Card title="Contact methods">
            <MyContactMethods fallback={fallback} />
          </Card>
          <Card title="How to page me">
            <MyNotificationRules />
          </Card>
          <Card title="This browser">
            <PushDevices />
          </Card>
          <Card title="Notifications in an open tab">
            <TabNotificationsSetting />
          </Card>
        </div>
      ) : (
        <>
          <p className="text-sm text-muted">Time zone: {person.timeZone}</p>
          {actor.role === 'admin' ? (
            <Card title="Contact methods">
              <ContactMethodsOf userId={person.id} fallback={fallback} />
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
