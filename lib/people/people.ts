import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { personOnCall, personShifts } from '@/lib/schedules/person';
import type { Profile, UpdateMeInput } from './people-schemas';

/**
 * The signed-in person's settings and on-call state (GET/PATCH /api/v1/me), and anyone's profile.
 * Anyone signed in reads profiles: names, e-mails and shifts are what the schedules already show.
 */

const PROFILE_DAYS = 14;

/** What GET /api/v1/me adds to the caller: their time zone and where they are on call now. */
export async function meDetails(actor: Actor, now = new Date()) {
  assertRole(actor, 'viewer');
  const client = db();
  const [user, onCall] = await Promise.all([
    client.user.findUnique({ where: { id: actor.id }, select: { timeZone: true } }),
    personOnCall(client, actor.id, now),
  ]);
  return {
    timeZone: user?.timeZone ?? 'UTC',
    onCall: onCall
      ? {
          scheduleId: onCall.scheduleId,
          scheduleName: onCall.scheduleName,
          until: onCall.until.toISOString(),
          continues: onCall.continues,
          schedules: onCall.schedules,
        }
      : null,
  };
}

export async function updateMe(actor: Actor, input: UpdateMeInput): Promise<void> {
  assertRole(actor, 'viewer');
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: actor.id } });
    if (!before) throw new NotFoundError('Your user is gone; sign in again.');
    await tx.user.update({ where: { id: actor.id }, data: input });
    await audit(tx, actor, 'user.profile_updated', actor.email, {
      ...(input.name !== undefined ? { name: { from: before.name, to: input.name } } : {}),
      ...(input.timeZone !== undefined ? { timeZone: { from: before.timeZone, to: input.timeZone } } : {}),
    });
  });
}

export async function profile(actor: Actor, userId: string, now = new Date()): Promise<Profile> {
  assertRole(actor, 'viewer');
  const client = db();
  const user = await client.user.findUnique({
    where: { id: userId },
    include: { teamMemberships: { include: { team: { select: { id: true, slug: true, name: true } } } } },
  });
  if (!user) throw new NotFoundError(`No user "${userId}".`);
  const [{ shifts, scheduleNames }, onCall] = await Promise.all([
    personShifts(client, user.id, { from: now, to: new Date(now.getTime() + PROFILE_DAYS * 86_400_000) }),
    personOnCall(client, user.id, now),
  ]);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    disabled: user.disabledAt !== null,
    timeZone: user.timeZone,
    teams: user.teamMemberships
      .map((m) => ({ ...m.team, isAdmin: m.isAdmin }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    onCall: onCall
      ? {
          scheduleId: onCall.scheduleId,
          scheduleName: onCall.scheduleName,
          since: onCall.since.toISOString(),
          until: onCall.until.toISOString(),
          continues: onCall.continues,
          schedules: onCall.schedules,
        }
      : null,
    upcomingShifts: shifts.map((s) => ({
      scheduleId: s.scheduleId,
      scheduleName: scheduleNames.get(s.scheduleId) ?? '',
      // From now for the shift under way (what "Ask for cover" can still give away), to its real end.
      start: (s.start < now ? now : s.start).toISOString(),
      end: s.end.toISOString(),
      continues: s.continues,
      source: s.source.kind,
    })),
  };
}
