import { type APIRequestContext, expect } from '@playwright/test';

/** Through the API as an admin (forms for teams and schedules are not part of the console yet). */

type Json = Record<string, unknown>;

async function post(request: APIRequestContext, path: string, data: Json): Promise<Json> {
  const res = await request.post(path, { data });
  expect(res.ok(), `POST ${path} answered ${res.status()}: ${await res.text()}`).toBe(true);
  return (await res.json()) as Json;
}

/** The ids of users by e-mail (GET /api/v1/users, admin). */
export async function userIds(request: APIRequestContext, emails: string[]): Promise<string[]> {
  const res = await request.get('/api/v1/users');
  expect(res.ok(), await res.text()).toBe(true);
  const { users } = (await res.json()) as { users: { id: string; email: string }[] };
  return emails.map((email) => {
    const id = users.find((u) => u.email === email)?.id;
    if (!id) throw new Error(`no user ${email}`);
    return id;
  });
}

/** A team with these members, and a schedule of one weekly layer handing off Mondays 09:00 Brussels. */
export async function createWeeklyRotation(
  request: APIRequestContext,
  opts: { slug: string; name: string; people: string[]; startDate: string },
): Promise<{ teamId: string; scheduleId: string; slug: string }> {
  const team = await post(request, '/api/v1/teams', { slug: `${opts.slug}-team`, name: `${opts.name} team` });
  for (const userId of opts.people) await post(request, `/api/v1/teams/${team.id}/members`, { userId });
  const schedule = await post(request, '/api/v1/schedules', {
    slug: opts.slug,
    name: opts.name,
    teamId: team.id,
    timeZone: 'Europe/Brussels',
    layers: [
      {
        name: 'Primary',
        rotation: 'weekly',
        handoffTime: '09:00',
        timeZone: 'Europe/Brussels',
        startDate: opts.startDate,
        participants: opts.people,
      },
    ],
  });
  return { teamId: String(team.id), scheduleId: String(schedule.id), slug: opts.slug };
}

export async function createOverride(
  request: APIRequestContext,
  scheduleId: string,
  override: { userId: string; startsAt: string; endsAt: string; reason?: string },
): Promise<void> {
  await post(request, `/api/v1/schedules/${scheduleId}/overrides`, override);
}

/** Puts a route first among the non-default routes, so a seeded route (severity="critical") does not take the test's alert. */
export async function routeFirst(request: APIRequestContext, routeId: string): Promise<void> {
  const listed = await request.get('/api/v1/routes');
  expect(listed.ok(), `GET /api/v1/routes answered ${listed.status()}`).toBe(true);
  const { routes } = (await listed.json()) as { routes: { id: string; isDefault: boolean }[] };
  const ids = [routeId, ...routes.filter((r) => !r.isDefault && r.id !== routeId).map((r) => r.id)];
  const put = await request.put('/api/v1/routes/order', { data: { ids } });
  expect(put.ok(), `PUT /api/v1/routes/order answered ${put.status()}: ${await put.text()}`).toBe(true);
}
