import { type APIRequestContext, expect, test } from '@playwright/test';
import { testAlert } from './alert-pair';
import { mailbox } from './mailbox';
import { routeFirst } from './schedules';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * Paging a person, end to end: a schedule (a weekly rotation of two people), a policy whose L1 pages
 * whoever is on call on it, and a route `team="e2e-paging"` to that policy, all made through the API;
 * a critical alert posted to the Alertmanager pair opens an incident on that route (the webhook), the
 * escalation pass pages the person on call by e-mail (the real SMTP sink of the global set-up), and the
 * incident's timeline names them. An override then makes the other person the one paged for the next
 * alert. Waits are generous: the webhook comes after Alertmanager's group_wait, and the escalation pass
 * and the outbox run every poll interval.
 */

type Api = APIRequestContext;

async function json<T>(response: Awaited<ReturnType<Api['get']>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The ref (INC-<n>) of the incident opened for an alert, once the webhook has opened it. */
async function incidentOf(api: Api, alertname: string): Promise<string> {
  let ref = '';
  await expect
    .poll(
      async () => {
        const answer = await json<{ incidents: { ref: string }[] }>(
          await api.get(`/api/v1/incidents?q=${alertname}`),
        );
        ref = answer.incidents[0]?.ref ?? '';
        return ref;
      },
      { timeout: 150_000, intervals: [2000] },
    )
    .not.toBe('');
  return ref;
}

/** The e-mails that paged `email` for the incident `ref`. */
async function pagesTo(email: string, ref: string): Promise<string[]> {
  return (await mailbox()).filter((m) => m.includes(`To: ${email}`) && m.includes(`${ref} [critical]`));
}

async function timelineOf(api: Api, ref: string): Promise<{ type: string; sentence: string }[]> {
  return (
    await json<{ timeline: { type: string; sentence: string }[] }>(await api.get(`/api/v1/incidents/${ref}`))
  ).timeline;
}

test('a critical alert routed by its team label pages the person on call by e-mail; an override changes who is paged', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await signIn(page, E2E_USERS.admin, '/');
  await expect(page.getByRole('link', { name: 'Alerts' }).first()).toBeVisible();
  const api = page.request;
  const { users } = await json<{ users: { id: string; email: string }[] }>(await api.get('/api/v1/users'));
  const idOf = (email: string) => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`no e2e user ${email}`);
    return user.id;
  };
  const first = E2E_USERS.pagedFirst.email;
  const second = E2E_USERS.pagedSecond.email;

  // A weekly rotation whose first week started at 00:00 UTC today: the first person is on call now.
  const today = new Date().toISOString().slice(0, 10);
  const schedule = await json<{ id: string }>(
    await api.post('/api/v1/schedules', {
      data: {
        slug: 'e2e-paging',
        name: 'E2E paging',
        timeZone: 'UTC',
        layers: [
          {
            name: 'Weekly',
            rotation: 'weekly',
            handoffTime: '00:00',
            timeZone: 'UTC',
            startDate: today,
            participants: [idOf(first), idOf(second)],
          },
        ],
      },
    }),
    201,
  );
  const policy = await json<{ id: string }>(
    await api.post('/api/v1/policies', {
      data: {
        name: 'e2e-paging',
        levels: [{ name: 'On-call', delaySeconds: 0, scheduleIds: [schedule.id] }],
      },
    }),
    201,
  );
  const route = await json<{ id: string }>(
    await api.post('/api/v1/routes', {
      data: { name: 'e2e-paging', matchers: ['team="e2e-paging"'], policyId: policy.id, autoOpen: true },
    }),
    201,
  );
  await routeFirst(api, route.id);
  const chosen = await json<{ route: { name: string } | null; policy: { name: string } | null }>(
    await api.post('/api/v1/routes/test', { data: { labels: { team: 'e2e-paging', severity: 'critical' } } }),
  );
  expect(chosen).toMatchObject({ route: { name: 'e2e-paging' }, policy: { name: 'e2e-paging' } });

  const firstAlert = testAlert(
    {
      alertname: 'VigilE2EPagingRotation',
      instance: 'e2e-paging-1',
      severity: 'critical',
      team: 'e2e-paging',
    },
    'Checkout down',
  );
  await firstAlert.fire();
  const firstRef = await incidentOf(api, 'VigilE2EPagingRotation');
  await expect.poll(() => pagesTo(first, firstRef), { timeout: 120_000, intervals: [2000] }).toHaveLength(1);
  const [mail] = await pagesTo(first, firstRef);
  expect(mail).toContain('Paged: paged-first@e2e.test, on call on E2E paging');
  expect(await pagesTo(second, firstRef)).toEqual([]);
  await expect
    .poll(async () => (await timelineOf(api, firstRef)).map((e) => e.sentence), { timeout: 60_000 })
    .toContainEqual(
      expect.stringMatching(
        /^Paging paged-first@e2e\.test by e-mail \(level 1, on call on schedule E2E paging\)/,
      ),
    );
  await json(await api.post(`/api/v1/incidents/${firstRef}/acknowledge`, { data: { reason: 'on it' } }));
  await firstAlert.resolve();

  // The second person covers the next two hours: the next alert's incident pages them.
  const now = Date.now();
  await json(
    await api.post(`/api/v1/schedules/${schedule.id}/overrides`, {
      data: {
        userId: idOf(second),
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 2 * 3_600_000).toISOString(),
        reason: 'covering',
      },
    }),
    201,
  );
  const secondAlert = testAlert(
    {
      alertname: 'VigilE2EPagingOverride',
      instance: 'e2e-paging-2',
      severity: 'critical',
      team: 'e2e-paging',
    },
    'Checkout down again',
  );
  await secondAlert.fire();
  const secondRef = await incidentOf(api, 'VigilE2EPagingOverride');
  expect(secondRef).not.toBe(firstRef);
  await expect
    .poll(() => pagesTo(second, secondRef), { timeout: 120_000, intervals: [2000] })
    .toHaveLength(1);
  expect(await pagesTo(first, secondRef)).toEqual([]);
  await expect
    .poll(async () => (await timelineOf(api, secondRef)).map((e) => e.sentence), { timeout: 60_000 })
    .toContainEqual(expect.stringMatching(/^Paging paged-second@e2e\.test by e-mail/));
  await json(await api.post(`/api/v1/incidents/${secondRef}/acknowledge`, { data: { reason: 'on it' } }));
  await secondAlert.resolve();
});
