import type { TimelineData } from '@/lib/incidents/timeline-events';

/**
 * Whom a level pages, pure: the person on call on each of its schedules at the moment it fires, then
 * the users it names, each person once (the first reason wins: on call on a schedule before named),
 * disabled users and viewers left out (a viewer cannot acknowledge: one demoted after being put on call
 * would be woken for nothing while escalation waits). What could not be paged is said too, for the
 * timeline.
 *
 *   level {scheduleIds: [s1, s2], userIds: [u1, u3]}; on call: s1 → u1, s2 → nobody; u3 disabled
 *   → recipients [{userId: u1, name: 'Ana', schedule: 'SRE primary'}],
 *     unreachable [{reason: 'nobody_on_call', schedule: 'DB'}, {reason: 'user_disabled', person: 'Cy'}]
 */

export type Recipient = { userId: string; name: string; schedule: string | null };
export type Unreachable = Omit<TimelineData<'page.unreachable'>, 'level'>;
type Person = { id: string; name: string; disabled: boolean; viewer: boolean };

export type PeopleContext = {
  /** Who is on call per schedule id (null: nobody); an id absent here names no schedule. */
  onCall: ReadonlyMap<string, { userId: string } | null>;
  scheduleNames: ReadonlyMap<string, string>;
  /** Every user a level may page, by id; an id absent here names no user. */
  people: ReadonlyMap<string, Person>;
};

export function levelRecipients(
  level: { scheduleIds: readonly string[]; userIds: readonly string[] },
  { onCall, scheduleNames, people }: PeopleContext,
): { recipients: Recipient[]; unreachable: Unreachable[] } {
  const recipients: Recipient[] = [];
  const unreachable: Unreachable[] = [];
  const seen = new Set<string>();
  const add = (userId: string, schedule: string | null) => {
    if (seen.has(userId)) return;
    seen.add(userId);
    const person = people.get(userId);
    if (!person) unreachable.push({ reason: 'user_missing' });
    else if (person.disabled) unreachable.push({ reason: 'user_disabled', person: person.name });
    else if (person.viewer) unreachable.push({ reason: 'user_viewer', person: person.name });
    else recipients.push({ userId, name: person.name, schedule });
  };
  for (const scheduleId of new Set(level.scheduleIds)) {
    const name = scheduleNames.get(scheduleId);
    const shift = onCall.get(scheduleId);
    if (name === undefined || shift === undefined) unreachable.push({ reason: 'schedule_missing' });
    else if (shift === null) unreachable.push({ reason: 'nobody_on_call', schedule: name });
    else add(shift.userId, name);
  }
  for (const userId of level.userIds) add(userId, null);
  return { recipients, unreachable };
}
