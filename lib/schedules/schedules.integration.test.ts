import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { context } from '@/lib/testing/route-harness';

/**
 * Teams, schedules, overrides, shift swaps, calendar feeds and people against a real PostgreSQL
 * (embedded, migrated like production), through the route handlers: the permission rules (viewer,
 * responder, team admin, admin), validation answers, a swap accepted by two people at once, a schedule
 * still named by an escalation level, who is on call across an override, feeds valid, revoked and
 * unknown, and the audit trail.
 */

// The routes ask lib/auth.ts for the caller; it loads Auth.js, which needs Next. The test names the caller.
let caller: Actor | undefined;
vi.mock('@/lib/auth', async () => (await import('@/lib/testing/route-harness')).fakeAuth(() => caller));
// Teams name channels from VIGIL_CONFIG; only that part of the configuration is read here.
vi.mock('@/lib/config/current', () => ({
  config: () => ({ channels: [{ name: 'ops-chat', type: 'slack', url: 'https://hooks.example/x' }] }),
}));
await vi.hoisted(async () => (await import('@/lib/testing/route-harness')).setRouteEnv());

const MIGRATIONS = path.join(process.cwd(), 'prisma', 'migrations');
const DAY = 86_400_000;

let dataDir: string;
let server: EmbeddedDatabase;
let db: typeof import('@/lib/db').db;
let routes: Awaited<ReturnType<typeof loadRoutes>>;

const person = (id: string, role: Actor['role']): Actor => ({
  id,
  email: `${id}@example.com`,
  name: id[0]?.toUpperCase() + id.slice(1),
  role,
  via: 'session',
  ip: null,
});
const ada = person('ada', 'admin');
const tom = person('tom', 'responder'); // the payments team's admin
const ana = person('ana', 'responder');
const ben = person('ben', 'responder');
const cy = person('cy', 'responder');
const rex = person('rex', 'responder'); // on no team
const vic = person('vic', 'viewer');

async function loadRoutes() {
  return {
    teams: await import('@/app/api/v1/teams/route'),
    team: await import('@/app/api/v1/teams/[id]/route'),
    members: await import('@/app/api/v1/teams/[id]/members/route'),
    member: await import('@/app/api/v1/teams/[id]/members/[userId]/route'),
    schedules: await import('@/app/api/v1/schedules/route'),
    schedule: await import('@/app/api/v1/schedules/[id]/route'),
    shifts: await import('@/app/api/v1/schedules/[id]/shifts/route'),
    oncall: await import('@/app/api/v1/oncall/route'),
    overrides: await import('@/app/api/v1/schedules/[id]/overrides/route'),
    override: await import('@/app/api/v1/schedules/[id]/overrides/[overrideId]/route'),
    swapRequest: await import('@/app/api/v1/schedules/[id]/swap-requests/route'),
    swaps: await import('@/app/api/v1/swap-requests/route'),
    accept: await import('@/app/api/v1/swap-requests/[id]/accept/route'),
    decline: await import('@/app/api/v1/swap-requests/[id]/decline/route'),
    cancel: await import('@/app/api/v1/swap-requests/[id]/cancel/route'),
    feeds: await import('@/app/api/v1/schedules/[id]/calendar-feeds/route'),
    feed: await import('@/app/api/v1/schedules/[id]/calendar-feeds/[feedId]/route'),
    myFeeds: await import('@/app/api/v1/me/calendar-feeds/route'),
    calendar: await import('@/app/api/v1/calendar/[secret]/route'),
    me: await import('@/app/api/v1/me/route'),
    profile: await import('@/app/api/v1/users/[id]/profile/route'),
  };
}

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as `as`; the path's parameters are taken from `params`. */
async function call(
  handler: Handler,
  as: Actor | undefined,
  url: string,
  {
    method = 'GET',
    body,
    params = {},
  }: { method?: string; body?: unknown; params?: Record<string, string> } = {},
) {
  caller = as;
  const res = await handler(
    new Request(`http://vigil.test${url}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    context(params),
  );
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  return { status: res.status, json, text, headers: res.headers };
}

/** The local date in Brussels `days` from now, "YYYY-MM-DD". */
const brusselsDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date(Date.now() + days * DAY));

const weekly = (participants: string[], extra: Record<string, unknown> = {}) => ({
  name: 'Primary',
  rotation: 'weekly',
  handoffTime: '09:00',
  timeZone: 'Europe/Brussels',
  startDate: brusselsDate(-60),
  participants,
  ...extra,
});

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vigil-schedules-'));
  server = await startEmbeddedPostgres(dataDir);
  await applyMigrations(server.url, MIGRATIONS);
  runtimeState().databaseUrl = server.url;
  ({ db } = await import('@/lib/db'));
  await db().user.createMany({
    data: [
      ...[ada, tom, ana, ben, cy, rex, vic].map((p) => ({
        id: p.id,
        email: p.email,
        name: p.name,
        role: p.role,
      })),
      { id: 'old', email: 'old@example.com', role: 'responder', disabledAt: new Date() },
    ],
  });
  routes = await loadRoutes();
}, 180_000);

afterAll(async () => {
  if (runtimeState().databaseUrl) await db?.().$disconnect();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let teamId: string;
let scheduleId: string;

describe('teams', () => {
  it('are created by admins, with channels from VIGIL_CONFIG and a unique slug', async () => {
    const body = { slug: 'payments', name: 'Payments SRE', channels: ['ops-chat'] };
    expect((await call(routes.teams.POST, tom, '/api/v1/teams', { method: 'POST', body })).status).toBe(403);
    const bad = await call(routes.teams.POST, ada, '/api/v1/teams', {
      method: 'POST',
      body: { ...body, channels: ['nope'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toContain('"nope"');
    const created = await call(routes.teams.POST, ada, '/api/v1/teams', { method: 'POST', body });
    expect(created.status).toBe(201);
    teamId = created.json.id;
    const again = await call(routes.teams.POST, ada, '/api/v1/teams', { method: 'POST', body });
    expect(again.status).toBe(409);
    const badSlug = await call(routes.teams.POST, ada, '/api/v1/teams', {
      method: 'POST',
      body: { ...body, slug: 'Pay ments' },
    });
    expect(badSlug.status).toBe(422);
    expect(badSlug.json.error.fields).toHaveProperty('slug');
  });

  it('members are managed by admins and team admins, not by other members or viewers', async () => {
    const add = (as: Actor, userId: string, isAdmin = false) =>
      call(routes.members.POST, as, `/api/v1/teams/payments/members`, {
        method: 'POST',
        body: { userId, isAdmin },
        params: { id: 'payments' },
      });
    expect((await add(ada, 'tom', true)).status).toBe(200);
    expect((await add(tom, 'ana')).status).toBe(200);
    expect((await add(tom, 'ben')).status).toBe(200);
    expect((await add(ana, 'cy')).status).toBe(403);
    expect((await add(vic, 'cy')).status).toBe(403);
    expect((await add(tom, 'old')).status).toBe(422);
    expect((await add(tom, 'cy')).status).toBe(200);

    const asAna = await call(routes.team.GET, ana, '/api/v1/teams/payments', { params: { id: 'payments' } });
    expect(asAna.status).toBe(200);
    expect(asAna.json.canManage).toBe(false);
    expect(asAna.json.channels).toEqual(['ops-chat']);
    expect(
      asAna.json.members.map((m: { userId: string; isAdmin: boolean }) => [m.userId, m.isAdmin]),
    ).toEqual([
      ['tom', true],
      ['ana', false],
      ['ben', false],
      ['cy', false],
    ]);
    const asTom = await call(routes.team.GET, tom, `/api/v1/teams/${teamId}`, { params: { id: teamId } });
    expect(asTom.json.canManage).toBe(true);

    const demote = (as: Actor) =>
      call(routes.member.PATCH, as, '/api/v1/teams/payments/members/tom', {
        method: 'PATCH',
        body: { isAdmin: false },
        params: { id: 'payments', userId: 'tom' },
      });
    expect((await demote(tom)).status).toBe(409);
    // Nor through the add operation, which also sets an existing member's flag.
    expect((await add(tom, 'tom', false)).status).toBe(409);
    const remove = (as: Actor, userId: string) =>
      call(routes.member.DELETE, as, '/x', { method: 'DELETE', params: { id: 'payments', userId } });
    expect((await add(tom, 'rex')).status).toBe(200);
    expect((await remove(ana, 'rex')).status).toBe(403);
    expect((await remove(tom, 'rex')).status).toBe(200);
    expect((await remove(tom, 'rex')).status).toBe(404);
    // A viewer may be a member, but not a team admin (the role is the ceiling: the flag would mislead).
    const viewerAdmin = await add(ada, 'vic', true);
    expect([viewerAdmin.status, viewerAdmin.json.error.fields]).toEqual([
      422,
      { isAdmin: 'a viewer cannot be a team admin' },
    ]);
    expect((await add(ada, 'vic')).status).toBe(200);
    const promote = await call(routes.member.PATCH, ada, '/x', {
      method: 'PATCH',
      body: { isAdmin: true },
      params: { id: 'payments', userId: 'vic' },
    });
    expect(promote.status).toBe(422);
    const asVic = await call(routes.team.GET, vic, '/x', { params: { id: 'payments' } });
    expect(asVic.json.canManage).toBe(false);
    expect((await remove(ada, 'vic')).status).toBe(200);
    expect(
      (
        await call(routes.team.PATCH, tom, '/x', {
          method: 'PATCH',
          body: { name: 'X' },
          params: { id: 'payments' },
        })
      ).status,
    ).toBe(403);
    const listed = await call(routes.teams.GET, vic, '/api/v1/teams');
    expect(listed.json.teams).toEqual([
      expect.objectContaining({ slug: 'payments', memberCount: 4, scheduleCount: 0 }),
    ]);
  });

  it('forms offer as the owning team only the teams the person may save under', async () => {
    const { teamChoices } = await import('@/lib/teams/access');
    const payments = { id: teamId, name: 'Payments SRE' };
    expect(await teamChoices(ada)).toEqual({ noTeam: true, teams: [payments] });
    expect(await teamChoices(tom)).toEqual({ noTeam: false, teams: [payments] });
    // A member who is not a team admin, someone on no team, a viewer: nothing to choose.
    for (const who of [ana, rex, vic]) expect(await teamChoices(who)).toEqual({ noTeam: false, teams: [] });
  });
});

describe('schedules', () => {
  const create = (as: Actor, body: Record<string, unknown>) =>
    call(routes.schedules.POST, as, '/api/v1/schedules', { method: 'POST', body });
  const base = (layers: unknown[]) => ({
    slug: 'payments-primary',
    name: 'Payments primary',
    teamId: 'payments',
    timeZone: 'Europe/Brussels',
    layers,
  });

  it('refuses invalid input with 422 naming the field: zone, hand-off, rotation length, participants', async () => {
    const zone = await create(tom, { ...base([weekly(['ana'])]), timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(422);
    expect(zone.json.error.fields.timeZone).toContain('Mars/Olympus');
    const layerZone = await create(tom, base([weekly(['ana'], { timeZone: 'Europe/Brusels' })]));
    expect(layerZone.json.error.fields['layers[0].timeZone']).toContain('Europe/Brusels');
    const handoff = await create(tom, base([weekly(['ana'], { handoffTime: '24:00' })]));
    expect(handoff.json.error.fields).toHaveProperty('layers[0].handoffTime');
    const length = await create(tom, base([weekly(['ana'], { rotation: 'hours', rotationLength: 9000 })]));
    expect(length.json.error.fields).toHaveProperty('layers[0].rotationLength');
    const date = await create(tom, base([weekly(['ana'], { startDate: '2027-02-30' })]));
    expect(date.json.error.fields).toHaveProperty('layers[0].startDate');
    const days = await create(
      tom,
      base([weekly(['ana'], { restrictions: [{ days: [0], from: '09:00', to: '17:00' }] })]),
    );
    expect(days.status).toBe(422);
    const disabled = await create(tom, base([weekly(['ana', 'old'])]));
    expect(disabled.status).toBe(422);
    expect(disabled.json.error.fields).toEqual({
      'layers[0].participants[1]': '"old" is not an active responder or admin',
    });
    expect(await db().schedule.count()).toBe(0);
  });

  it('are created by a team admin of their team or an admin; a team-less one by admins only', async () => {
    expect((await create(rex, base([weekly(['ana', 'ben', 'cy'])]))).status).toBe(403);
    expect((await create(vic, base([weekly(['ana', 'ben', 'cy'])]))).status).toBe(403);
    expect((await create(tom, { ...base([weekly(['ana'])]), slug: 'loose', teamId: null })).status).toBe(403);
    const created = await create(tom, base([weekly(['ana', 'ben', 'cy'])]));
    expect(created.status).toBe(201);
    scheduleId = created.json.id;
    const loose = await create(ada, { ...base([weekly(['rex'])]), slug: 'loose', teamId: null });
    expect(loose.status).toBe(201);
  });

  it('PUT replaces the whole list of layers in one go, positions from the list order', async () => {
    const put = (as: Actor, layers: unknown[]) =>
      call(routes.schedule.PUT, as, '/api/v1/schedules/payments-primary', {
        method: 'PUT',
        body: base(layers),
        params: { id: 'payments-primary' },
      });
    const layers = [
      weekly(['ana', 'ben', 'cy']),
      weekly(['rex'], {
        name: 'Business hours',
        rotation: 'daily',
        restrictions: [{ days: [6], from: '09:00', to: '10:00' }],
      }),
    ];
    expect((await put(ana, layers)).status).toBe(403);
    // A layer that fails validation leaves the stored layers as they were.
    expect((await put(tom, [layers[0], weekly(['old'])])).status).toBe(422);
    expect((await put(tom, layers)).status).toBe(200);
    const got = await call(routes.schedule.GET, vic, '/x', { params: { id: scheduleId } });
    expect(got.status).toBe(200);
    expect(got.json.layers.map((l: { position: number; name: string }) => [l.position, l.name])).toEqual([
      [0, 'Primary'],
      [1, 'Business hours'],
    ]);
    expect(got.json.layers[0].participants.map((p: { name: string }) => p.name)).toEqual([
      'Ana',
      'Ben',
      'Cy',
    ]);
    expect(got.json.canManage).toBe(false);
    expect(got.json.team).toMatchObject({ slug: 'payments' });
    // Back to one layer for what follows.
    expect((await put(tom, [layers[0]])).status).toBe(200);
    expect(await db().scheduleLayer.count({ where: { scheduleId } })).toBe(1);
  });

  it('computes shifts over a range with names, within the computation’s limit', async () => {
    const from = new Date();
    const to = new Date(from.getTime() + 21 * DAY);
    const res = await call(
      routes.shifts.GET,
      vic,
      `/api/v1/schedules/payments-primary/shifts?from=${from.toISOString()}&to=${to.toISOString()}`,
      { params: { id: 'payments-primary' } },
    );
    expect(res.status).toBe(200);
    const names = res.json.final.map((s: { name: string }) => s.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    // Weekly hand-offs rotate Ana → Ben → Cy, at 09:00 Brussels time.
    const order = ['Ana', 'Ben', 'Cy'];
    for (let i = 1; i < names.length; i++)
      expect(names[i]).toBe(order[(order.indexOf(names[i - 1]) + 1) % 3]);
    for (const shift of res.json.final.slice(1)) {
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Brussels',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(shift.start));
      expect(local).toBe('09:00');
    }
    expect(res.json.layers).toHaveLength(1);
    const tooLong = await call(
      routes.shifts.GET,
      vic,
      `/x?from=${from.toISOString()}&to=${new Date(from.getTime() + 401 * DAY).toISOString()}`,
      { params: { id: 'payments-primary' } },
    );
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.error.fields).toHaveProperty('to');
    // A from or to that is no time is that field's 422, not a 500 from the range check reading it.
    for (const query of [`from=bad&to=${from.toISOString()}`, `from=${from.toISOString()}&to=2026-12-09`]) {
      const bad = await call(routes.shifts.GET, vic, `/x?${query}`, { params: { id: 'payments-primary' } });
      expect(bad.status).toBe(422);
    }
  });

  it('cannot be deleted while an escalation level pages its on-call', async () => {
    const policy = await db().escalationPolicy.create({
      data: {
        name: 'payments',
        levels: {
          create: { level: 1, name: 'On-call', delaySeconds: 0, targets: [], scheduleIds: [scheduleId] },
        },
      },
    });
    const del = (as: Actor) =>
      call(routes.schedule.DELETE, as, '/x', { method: 'DELETE', params: { id: scheduleId } });
    expect((await del(ana)).status).toBe(403);
    const refused = await del(tom);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain('payments: On-call');
    await db().escalationPolicy.delete({ where: { id: policy.id } });
    expect((await del(ada)).status).toBe(200);
    const again = await create(tom, base([weekly(['ana', 'ben', 'cy'])]));
    expect(again.status).toBe(201);
    scheduleId = again.json.id;
  });
});

/** The schedule's final shifts from now on. */
async function upcoming() {
  const res = await call(routes.shifts.GET, vic, '/x', { params: { id: scheduleId } });
  return res.json.final as { userId: string; start: string; end: string }[];
}

describe('overrides and who is on call', () => {
  it('a responder covers themselves; covering someone else or deleting their override takes a team admin', async () => {
    const next = (await upcoming())[1] as { start: string };
    const start = new Date(new Date(next.start).getTime() + 3600_000);
    const end = new Date(start.getTime() + 2 * 3600_000);
    const post = (as: Actor, userId: string) =>
      call(routes.overrides.POST, as, '/x', {
        method: 'POST',
        body: { userId, startsAt: start.toISOString(), endsAt: end.toISOString(), reason: 'dentist' },
        params: { id: scheduleId },
      });
    expect((await post(ana, 'ben')).status).toBe(403);
    expect((await post(vic, 'vic')).status).toBe(403);
    const backwards = await call(routes.overrides.POST, ana, '/x', {
      method: 'POST',
      body: { userId: 'ana', startsAt: end.toISOString(), endsAt: start.toISOString() },
      params: { id: scheduleId },
    });
    expect(backwards.json.error.fields).toHaveProperty('endsAt');
    // Over before it is made, as a swap request for a past interval is: it would put nobody on call.
    const past = await call(routes.overrides.POST, ana, '/x', {
      method: 'POST',
      body: { userId: 'ana', startsAt: '2020-03-01T09:00:00Z', endsAt: '2020-03-01T17:00:00Z' },
      params: { id: scheduleId },
    });
    expect(past.status).toBe(422);
    expect(past.json.error.fields).toEqual({ endsAt: 'in the past' });
    // A time that is no time (or has no offset) is that field's 422 and stores nothing, not a 500.
    const overridesBefore = await db().scheduleOverride.count();
    for (const startsAt of ['notadate', '2026-02-30T00:00:00Z', '2026-12-09', '2026-12-09T00:00:00']) {
      const bad = await call(routes.overrides.POST, ana, '/x', {
        method: 'POST',
        body: { userId: 'ana', startsAt, endsAt: end.toISOString() },
        params: { id: scheduleId },
      });
      expect(bad.status).toBe(422);
      expect(bad.json.error.fields).toHaveProperty('startsAt');
    }
    expect(await db().scheduleOverride.count()).toBe(overridesBefore);
    const own = await post(ana, 'ana');
    expect(own.status).toBe(201);
    const forRex = await post(tom, 'rex');
    expect(forRex.status).toBe(201);
    // A viewer cannot be put on call: they would be paged and could not acknowledge. Nor offered as one.
    const forVic = await post(tom, 'vic');
    expect(forVic.status).toBe(422);
    expect(forVic.json.error.fields).toEqual({ userId: 'a viewer cannot be on call' });
    const { policyTargets } = await import('@/lib/escalation/targets');
    const offered = (await policyTargets(ada, [])).users.map((u) => u.id);
    expect(offered).toContain('tom');
    expect(offered).not.toContain('vic');

    // Rex's override, created last, wins over Ana's on the same interval.
    const during = new Date(start.getTime() + 60_000).toISOString();
    const at = await call(routes.oncall.GET, vic, `/api/v1/oncall?at=${encodeURIComponent(during)}`);
    expect(at.status).toBe(200);
    const primary = at.json.schedules.find((s: { id: string }) => s.id === scheduleId);
    expect(primary.onCall).toMatchObject({
      userId: 'rex',
      name: 'Rex',
      source: 'override',
      until: end.toISOString(),
    });
    const after = new Date(end.getTime() + 60_000).toISOString();
    const later = await call(routes.oncall.GET, vic, `/api/v1/oncall?at=${encodeURIComponent(after)}`);
    const rotating = later.json.schedules.find((s: { id: string }) => s.id === scheduleId).onCall;
    expect(rotating).toMatchObject({ source: 'layer' });
    expect(rotating.userId).not.toBe('rex');
    expect((await call(routes.oncall.GET, vic, '/api/v1/oncall?at=tomorrow')).status).toBe(422);

    const { whoIsOnCall } = await import('./load');
    const map = await whoIsOnCall(db(), [scheduleId, 'nope'], new Date(during));
    expect(map.get(scheduleId)?.userId).toBe('rex');
    expect(map.has('nope')).toBe(false);

    const del = (as: Actor, id: string) =>
      call(routes.override.DELETE, as, '/x', {
        method: 'DELETE',
        params: { id: scheduleId, overrideId: id },
      });
    expect((await del(ana, forRex.json.id)).status).toBe(403);
    expect((await del(rex, forRex.json.id)).status).toBe(200);
    expect((await del(tom, own.json.id)).status).toBe(200);
    const listed = await call(routes.overrides.GET, vic, '/x', { params: { id: scheduleId } });
    expect(listed.json.overrides).toEqual([]);
  });
});

describe('shift swaps', () => {
  /** The shift after the current one, and the two who are not on it. */
  async function nextShift() {
    const shift = (await upcoming())[1] as { userId: string; start: string };
    const start = new Date(shift.start);
    return {
      requester: [ana, ben, cy].find((p) => p.id === shift.userId) as Actor,
      others: [ana, ben, cy].filter((p) => p.id !== shift.userId),
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(),
    };
  }
  const request = (as: Actor, body: Record<string, unknown>) =>
    call(routes.swapRequest.POST, as, '/x', { method: 'POST', body, params: { id: scheduleId } });

  it('only for one’s own shift; an open request accepted by two at once becomes exactly one override', async () => {
    const { requester, others, startsAt, endsAt } = await nextShift();
    const [first, second] = others as [Actor, Actor];
    const notMine = await request(first, { startsAt, endsAt });
    expect(notMine.status).toBe(422);
    const badTime = await request(requester, { startsAt, endsAt: 'bad' });
    expect(badTime.status).toBe(422);
    expect(badTime.json.error.fields).toHaveProperty('endsAt');
    const created = await request(requester, { startsAt, endsAt, note: 'wedding' });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const forFirst = await call(routes.swaps.GET, first, '/api/v1/swap-requests');
    expect(forFirst.json.forMe.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await call(routes.swaps.GET, rex, '/api/v1/swap-requests')).json.forMe).toEqual([]);
    // Rex is on no layer of the schedule, so an open request is not his to take.
    expect((await call(routes.accept.POST, rex, '/x', { method: 'POST', params: { id } })).status).toBe(403);

    const both = await Promise.all(
      [first, second].map((p) => call(routes.accept.POST, p, '/x', { method: 'POST', params: { id } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = both.find((r) => r.status === 200)?.json;
    const overrides = await db().scheduleOverride.findMany({ where: { scheduleId } });
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({
      id: winner.overrideId,
      userId: winner.acceptedBy.userId,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
    });
    const during = encodeURIComponent(new Date(new Date(startsAt).getTime() + 60_000).toISOString());
    const onCall = await call(routes.oncall.GET, vic, `/api/v1/oncall?at=${during}`);
    expect(onCall.json.schedules.find((s: { id: string }) => s.id === scheduleId).onCall.userId).toBe(
      winner.acceptedBy.userId,
    );
    const cancelled = await call(routes.cancel.POST, requester, '/x', { method: 'POST', params: { id } });
    expect(cancelled.status).toBe(409);
    await db().scheduleOverride.deleteMany({ where: { scheduleId } });
  });

  it('the person asked declines; only the requester cancels', async () => {
    const { requester, others, startsAt, endsAt } = await nextShift();
    const [asked, other] = others as [Actor, Actor];
    const created = await request(requester, { startsAt, endsAt, targetUserId: asked.id });
    const id = created.json.id;
    expect((await call(routes.accept.POST, other, '/x', { method: 'POST', params: { id } })).status).toBe(
      403,
    );
    expect((await call(routes.decline.POST, other, '/x', { method: 'POST', params: { id } })).status).toBe(
      403,
    );
    const declined = await call(routes.decline.POST, asked, '/x', { method: 'POST', params: { id } });
    expect(declined.status).toBe(200);
    expect(declined.json.status).toBe('declined');

    const again = await request(requester, { startsAt, endsAt, targetUserId: asked.id });
    expect(
      (await call(routes.cancel.POST, asked, '/x', { method: 'POST', params: { id: again.json.id } })).status,
    ).toBe(403);
    const cancelled = await call(routes.cancel.POST, requester, '/x', {
      method: 'POST',
      params: { id: again.json.id },
    });
    expect(cancelled.json.status).toBe('cancelled');
    const mine = await call(routes.swaps.GET, requester, '/api/v1/swap-requests');
    expect(mine.json.mine.map((s: { status: string }) => s.status).sort()).toEqual([
      'accepted',
      'cancelled',
      'declined',
    ]);
    expect(await db().scheduleOverride.count({ where: { scheduleId } })).toBe(0);
  });
});

describe('calendar feeds', () => {
  it('serve a schedule’s shifts until revoked; unknown and revoked secrets are 404s', async () => {
    const created = await call(routes.feeds.POST, vic, '/x', { method: 'POST', params: { id: scheduleId } });
    expect(created.status).toBe(201);
    const { secret, path: feedPath, id } = created.json;
    expect(feedPath).toBe(`/api/v1/calendar/${secret}`);
    const stored = await db().calendarFeed.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(stored)).not.toContain(secret.slice(5));

    const feed = await call(routes.calendar.GET, undefined, feedPath, { params: { secret } });
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    expect(feed.text).toMatch(/SUMMARY:(Ana|Ben|Cy)/);
    expect((await db().calendarFeed.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();

    const listed = await call(routes.feeds.GET, vic, '/x', { params: { id: scheduleId } });
    expect(listed.json.feeds).toEqual([expect.objectContaining({ id, prefix: secret.slice(0, 11) })]);
    expect((await call(routes.feeds.GET, rex, '/x', { params: { id: scheduleId } })).json.feeds).toEqual([]);
    const revoke = (as: Actor) =>
      call(routes.feed.DELETE, as, '/x', { method: 'DELETE', params: { id: scheduleId, feedId: id } });
    expect((await revoke(rex)).status).toBe(404);
    expect((await revoke(vic)).status).toBe(200);
    expect((await call(routes.calendar.GET, undefined, feedPath, { params: { secret } })).status).toBe(404);
    const unknown = 'vcal_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await call(routes.calendar.GET, undefined, '/x', { params: { secret: unknown } })).status).toBe(
      404,
    );
  });

  it('serve a person’s own shifts across schedules', async () => {
    const created = await call(routes.myFeeds.POST, ana, '/api/v1/me/calendar-feeds', { method: 'POST' });
    expect(created.status).toBe(201);
    const feed = await call(routes.calendar.GET, undefined, '/x', {
      params: { secret: created.json.secret },
    });
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('SUMMARY:On call: Payments primary');
    expect((await call(routes.myFeeds.GET, ben, '/x')).json.feeds).toEqual([]);

    // A disabled person's feeds stop with them.
    const bens = await call(routes.myFeeds.POST, ben, '/api/v1/me/calendar-feeds', { method: 'POST' });
    const fetchBens = () =>
      call(routes.calendar.GET, undefined, '/x', { params: { secret: bens.json.secret } });
    expect((await fetchBens()).status).toBe(200);
    await db().user.update({ where: { id: 'ben' }, data: { disabledAt: new Date() } });
    expect((await fetchBens()).status).toBe(404);
    await db().user.update({ where: { id: 'ben' }, data: { disabledAt: null } });
  });
});

describe('people', () => {
  it('set their time zone (an unknown one is a 422 naming it) and see where they are on call', async () => {
    const bad = await call(routes.me.PATCH, ana, '/api/v1/me', {
      method: 'PATCH',
      body: { timeZone: 'Mars/Olympus' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.timeZone).toContain('"Mars/Olympus"');
    const ok = await call(routes.me.PATCH, ana, '/api/v1/me', {
      method: 'PATCH',
      body: { timeZone: 'America/New_York' },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.timeZone).toBe('America/New_York');

    const current = (await upcoming())[0] as { userId: string; end: string };
    const me = await call(routes.me.GET, person(current.userId, 'responder'), '/api/v1/me');
    expect(me.json.onCall).toMatchObject({
      scheduleId,
      scheduleName: 'Payments primary',
      until: current.end,
      continues: false,
    });
    // Vic is on no schedule (Rex, alone on "loose", is on call there all the time).
    expect((await call(routes.me.GET, vic, '/api/v1/me')).json.onCall).toBeNull();
    // Rex's cover has no hand-off: its "until" is where the look-ahead ends, and says so.
    const rex = await call(routes.me.GET, person('rex', 'responder'), '/api/v1/me');
    expect(rex.json.onCall).toMatchObject({ continues: true });
  });

  it('have a profile: teams, on call now, and the next 14 days of shifts', async () => {
    const current = (await upcoming())[0] as { userId: string; end: string };
    const res = await call(routes.profile.GET, vic, '/x', { params: { id: current.userId } });
    expect(res.status).toBe(200);
    expect(res.json.teams).toEqual([{ id: teamId, slug: 'payments', name: 'Payments SRE', isAdmin: false }]);
    expect(res.json.onCall).toMatchObject({ scheduleId, until: current.end });
    expect(res.json.upcomingShifts[0]).toMatchObject({ scheduleName: 'Payments primary', end: current.end });
    // Shifts starting in the next 14 days, each to its real hand-off (not cut where the 14 days end:
    // asking for cover of the last one would leave its rest uncovered), the one under way from now.
    const fortnight = Date.now() + 14 * DAY;
    const now = new Date();
    const later = await call(
      routes.shifts.GET,
      vic,
      `/x?from=${now.toISOString()}&to=${new Date(now.getTime() + 60 * DAY).toISOString()}`,
      { params: { id: scheduleId } },
    );
    const handOffs = new Set(later.json.final.map((s: { end: string }) => s.end));
    for (const shift of res.json.upcomingShifts) {
      expect(new Date(shift.start).getTime()).toBeLessThan(fortnight);
      expect(handOffs).toContain(shift.end);
      expect(shift.continues).toBe(false);
    }
    // Rex, alone on "loose", has no hand-off: his shift's end is only where the search stopped, and says so.
    const rex = await call(routes.profile.GET, vic, '/x', { params: { id: 'rex' } });
    expect(rex.json.upcomingShifts).toEqual([expect.objectContaining({ continues: true })]);
    expect((await call(routes.profile.GET, vic, '/x', { params: { id: 'nobody' } })).status).toBe(404);
  });
});

describe('the audit log', () => {
  it('has an entry for every kind of change made above', async () => {
    const actions = new Set(
      (await db().auditLog.findMany({ select: { action: true } })).map((a) => a.action),
    );
    for (const action of [
      'team.created',
      'team.member_added',
      'schedule.created',
      'schedule.updated',
      'schedule.deleted',
      'schedule.override_created',
      'schedule.override_deleted',
      'schedule.swap_requested',
      'schedule.swap_accepted',
      'schedule.swap_declined',
      'schedule.swap_cancelled',
      'calendar_feed.created',
      'calendar_feed.revoked',
      'user.profile_updated',
    ])
      expect(actions, action).toContain(action);
  });
});

describe('cost', () => {
  it('GET /api/v1/me and /api/v1/oncall stay quick with 40 schedules of two layers each', async () => {
    for (let i = 0; i < 40; i++)
      await db().schedule.create({
        data: {
          slug: `load-${i}`,
          name: `Load ${i}`,
          timeZone: 'Europe/Brussels',
          layers: {
            create: [0, 1].map((position) => ({
              position,
              name: `L${position}`,
              // An hourly layer is the most shifts a layer can have over onCallAt's 70 days.
              rotation: position === 0 ? 'weekly' : 'hours',
              rotationLength: 1,
              handoffTime: '09:00',
              timeZone: 'Europe/Brussels',
              startDate: brusselsDate(-30),
              restrictions: position === 1 ? [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' }] : [],
              participants: { create: ['ana', 'ben', 'cy'].map((userId, j) => ({ userId, position: j })) },
            })),
          },
        },
      });
    const timed = async (run: () => Promise<{ status: number }>) => {
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        expect((await run()).status).toBe(200);
        ms.push(performance.now() - started);
      }
      return ms.sort((a, b) => a - b)[2] as number;
    };
    const me = await timed(() => call(routes.me.GET, ana, '/api/v1/me'));
    const onCall = await timed(() => call(routes.oncall.GET, vic, '/api/v1/oncall'));
    console.info(
      `median of 5: GET /api/v1/me ${me.toFixed(0)} ms, GET /api/v1/oncall ${onCall.toFixed(0)} ms`,
    );
    // Generous bounds (machine load varies): the point is that nothing grows out of hand.
    expect(me).toBeLessThan(3000);
    expect(onCall).toBeLessThan(3000);
  });
});
