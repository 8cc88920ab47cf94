import { type APIRequestContext, expect, test } from '@playwright/test';
import { type TestBrowser, testBrowser } from '../lib/testing/fake-push-service';
import { testAlert } from './alert-pair';
import { mailbox } from './mailbox';
import { startE2ePushService } from './push-service';
import { routeFirst } from './schedules';
import { pushRegistration, serviceWorker, shownNotifications, tapNotification } from './service-worker';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';
import { expectNoHorizontalOverflow } from './viewport';

/**
 * Reaching people, the whole journey of issue 16 in Chromium at 390 px: Pia is on call and has her
 * phone's console registered for Web Push (rules: push at once, her e-mail after a minute); Otto is
 * paged beside her at the same level, by e-mail. A real alert on the real Alertmanager pair opens an
 * incident; Vigil's push reaches a FAKE push service (https, VAPID checked, RFC 8291 payload decrypted
 * with the test browser's keys), which stands in for FCM and hands the decrypted push to the phone's
 * service worker through the DevTools protocol (headless Chromium has no push service of its own). The
 * worker shows the notification; one tap on its Acknowledge (the worker's own click handler) acknowledges
 * through the real POST /api/v1/actions/{token}; the incident page on the phone says "via push
 * notification"; Otto's follow-up e-mail reaches the SMTP sink; Pia's e-mail step is never sent.
 *
 * Each run makes its own schedule, policy and route (a unique team label), so --repeat-each works on
 * one database.
 */

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

type Api = APIRequestContext;

async function json<T>(response: Awaited<ReturnType<Api['get']>>, status = 200): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

type Incident = {
  id: string;
  ref: string;
  title: string;
  status: string;
  acknowledgement: { at: string; by: { name: string } | null; via: string } | null;
  pages: { person: { name: string }; method: string; kind: string; status: string }[];
};

/** The paging set-up through the API as an admin: Pia on call on a schedule, Otto named by the level. */
async function setUpPaging(api: Api, run: string): Promise<void> {
  const { users } = await json<{ users: { id: string; email: string }[] }>(await api.get('/api/v1/users'));
  const idOf = (email: string) => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`no e2e user ${email}`);
    return user.id;
  };
  const schedule = await json<{ id: string }>(
    await api.post('/api/v1/schedules', {
      data: {
        slug: `e2e-reach-${run}`,
        name: `E2E reaching ${run}`,
        timeZone: 'UTC',
        layers: [
          {
            name: 'Weekly',
            rotation: 'weekly',
            handoffTime: '00:00',
            timeZone: 'UTC',
            startDate: new Date().toISOString().slice(0, 10),
            participants: [idOf(E2E_USERS.pushPager.email)],
          },
        ],
      },
    }),
    201,
  );
  const policy = await json<{ id: string }>(
    await api.post('/api/v1/policies', {
      data: {
        name: `e2e-reach-${run}`,
        levels: [
          {
            name: 'On-call',
            delaySeconds: 0,
            scheduleIds: [schedule.id],
            userIds: [idOf(E2E_USERS.pagedAlongside.email)],
          },
        ],
      },
    }),
    201,
  );
  const route = await json<{ id: string }>(
    await api.post('/api/v1/routes', {
      data: {
        name: `e2e-reach-${run}`,
        matchers: [`team="e2e-reach-${run}"`],
        policyId: policy.id,
        autoOpen: true,
      },
    }),
    201,
  );
  await routeFirst(api, route.id);
}

/**
 * Pia's phone as the console sees it: her devices replaced by one subscribed at the fake push service
 * (what the console's "Enable push on this device" posts; PushManager.subscribe needs a real push
 * service), and her rules for high urgency: push at once, her account's e-mail after a minute (short, so the test
 * sees that step dropped at its due time once she has acknowledged).
 */
async function registerPhone(api: Api, browser: TestBrowser): Promise<void> {
  const { devices } = await json<{ devices: { id: string }[] }>(
    await api.get('/api/v1/me/push-subscriptions'),
  );
  for (const device of devices) await json(await api.delete(`/api/v1/me/push-subscriptions/${device.id}`));
  await json(
    await api.post('/api/v1/me/push-subscriptions', {
      data: { ...browser.subscription, label: 'Pia’s phone (fake push service)' },
    }),
    201,
  );
  await json(
    await api.put('/api/v1/me/notification-rules', {
      data: {
        high: [
          { afterMinutes: 0, method: 'push' },
          { afterMinutes: 1, method: 'email' },
        ],
        low: [],
      },
    }),
  );
}

test('a page reaches the on-call phone as a browser notification through a fake push service, one tap acknowledges it, and the other person paged gets the follow-up e-mail', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(360_000);
  const origin = new URL(baseURL ?? '').origin;
  const run = `${Date.now().toString(36)}`;
  const alertname = `VigilE2EReach${run}`;
  const browsers = new Map<string, TestBrowser>();
  const push = await startE2ePushService(() => browsers);
  const phoneBrowser = testBrowser(`${push.url}/push/${run}`);
  browsers.set(run, phoneBrowser);

  const desk = await browser.newContext();
  const phone = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const alert = testAlert(
    { alertname, instance: `e2e-reach-${run}`, severity: 'critical', team: `e2e-reach-${run}` },
    'Payments failing',
  );
  try {
    const admin = await desk.newPage();
    await signIn(admin, E2E_USERS.admin, '/');
    await expect(admin.getByRole('link', { name: 'Alerts' }).first()).toBeVisible();
    await setUpPaging(admin.request, run);

    // Pia's phone: the console signed in, notifications allowed, its service worker active.
    await phone.grantPermissions(['notifications'], { origin });
    const pia = await phone.newPage();
    await signIn(pia, E2E_USERS.pushPager, '/people/me');
    await expect(pia.getByRole('heading', { name: 'This browser' })).toBeVisible();
    await expect
      .poll(() =>
        pia.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration('/'))?.active)),
      )
      .toBe(true);
    await registerPhone(pia.request, phoneBrowser);
    const worker = await serviceWorker(phone);
    const { cdp, id: swRegistration } = await pushRegistration(phone, pia, origin);

    // A real alert on the pair: the webhook opens the incident on the run's route, the pass pages.
    await alert.fire();
    let ref = '';
    await expect
      .poll(
        async () => {
          const { incidents } = await json<{ incidents: { ref: string }[] }>(
            await admin.request.get(`/api/v1/incidents?q=${alertname}`),
          );
          ref = incidents[0]?.ref ?? '';
          return ref;
        },
        { timeout: 150_000, intervals: [2000] },
      )
      .not.toBe('');
    const incident = await json<Incident>(await admin.request.get(`/api/v1/incidents/${ref}`));

    // The push at the fake push service, decrypted: the page with its one-tap acknowledge.
    await expect.poll(() => push.received.length, { timeout: 120_000, intervals: [1000] }).toBeGreaterThan(0);
    expect(push.problems).toEqual([]);
    const [received] = push.received;
    expect(received?.headers.urgency).toBe('high');
    const payload = received?.payload as { ackUrl: string; title: string; tag: string; url: string };
    expect(payload).toEqual({
      title: `${ref} [critical] ${incident.title}`,
      body: 'escalated to L1 On-call',
      tag: `incident-${incident.id}`,
      url: `/incidents/${ref}`,
      actions: [{ action: 'ack', title: 'Acknowledge' }],
      ackUrl: expect.stringMatching(new RegExp(`^${origin}/api/v1/actions/[\\w-]+\\.[\\w-]{43}$`)),
    });

    // The fake push service hands it to the phone's service worker, which shows the notification.
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin,
      registrationId: swRegistration,
      data: JSON.stringify(payload),
    });
    await expect
      .poll(() => shownNotifications(pia))
      .toEqual([
        {
          title: payload.title,
          body: 'escalated to L1 On-call',
          tag: payload.tag,
          actions: ['ack'],
          data: { url: payload.url, ackUrl: payload.ackUrl },
        },
      ]);

    // One tap on "Acknowledge": public/sw.js's click handler, run in the worker (headless Chromium
    // cannot tap a system notification), POSTs the signed token to the real route; the worker says
    // "Acknowledged" only for a 2xx answer (a service worker's fetch is no page response to wait for).
    await tapNotification(worker, payload.tag, 'ack');
    await expect
      .poll(() => shownNotifications(pia))
      .toEqual([
        expect.objectContaining({
          title: 'Acknowledged',
          body: payload.title,
          tag: payload.tag,
          actions: [],
        }),
      ]);

    // The incident, on the phone: acknowledged by Pia via push notification, nothing sticking out.
    await pia.goto(`/incidents/${ref}`);
    await expect(pia.getByRole('heading', { level: 1 })).toContainText(ref);
    const ack = pia.getByTestId('incident-acknowledgement');
    await expect(ack).toContainText(
      /^acknowledged by Pia Pager via push notification at \d{4}-\d\d-\d\d \d\d:\d\d/,
    );
    await expectNoHorizontalOverflow(pia);
    const after = await json<Incident>(await admin.request.get(`/api/v1/incidents/${ref}`));
    expect(after.status).toBe('acknowledged');
    expect(after.acknowledgement).toMatchObject({ by: { name: 'Pia Pager' }, via: 'push' });

    // Otto, paged by e-mail beside her, hears it once: "acknowledged by Pia Pager at HH:MM UTC".
    const at = new Date(after.acknowledgement?.at ?? '').toISOString().slice(11, 16);
    const headline = `${ref} [critical] ${incident.title} — acknowledged by Pia Pager at ${at} UTC`;
    const toOtto = async () =>
      (await mailbox()).filter(
        (m) => m.includes(`To: ${E2E_USERS.pagedAlongside.email}`) && m.includes(`${ref} [critical]`),
      );
    await expect.poll(async () => (await toOtto()).length, { timeout: 120_000, intervals: [2000] }).toBe(2);
    const followUp = (await toOtto()).find((m) => m.includes('acknowledged by'));
    expect(followUp).toContain(
      `${headline}\n\nYou were paged for this incident (L1 On-call); nothing more is needed from you.`,
    );
    // Pia acknowledged: no follow-up to her, and her e-mail step, due a minute after the page, is
    // dropped by the outbox at its due time, not sent.
    await expect
      .poll(
        async () =>
          (await json<Incident>(await admin.request.get(`/api/v1/incidents/${ref}`))).pages
            .filter((p) => p.person.name === 'Pia Pager')
            .map((p) => `${p.method} ${p.kind} ${p.status}`)
            .sort(),
        { timeout: 120_000, intervals: [2000] },
      )
      .toEqual(['email page cancelled', 'push page sent']);
    expect((await mailbox()).filter((m) => m.includes(`To: ${E2E_USERS.pushPager.email}`))).toEqual([]);
  } finally {
    await alert.resolve();
    await desk.close();
    await phone.close();
    await push.close();
  }
});
