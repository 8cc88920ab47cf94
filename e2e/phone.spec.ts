import { expect, type Page, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { createWeeklyRotation, userIds } from './schedules';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';
import { documentWidth, expectNoHorizontalOverflow, overflowingElements, VIEWPORTS } from './viewport';

/**
 * The console on a phone held upright (390×844) and on a laptop (1440×900): every page fits the
 * window, and the alert journeys (list, detail, acknowledge, silence, incident) work with one thumb.
 */

const sweepAlert = testAlert(
  {
    alertname: 'VigilE2EPhoneSweep',
    instance: 'e2e-phone-sweep.example.internal:9100',
    severity: 'warning',
    job: 'e2e',
    // Kubernetes service discovery makes label names this long, and values without a space in them.
    kubernetes_pod_annotation_prometheus_io_scrape_interval_override: '30s',
    dashboard:
      'https://grafana.example.internal/d/e2e-phone-sweep/a-dashboard-slug-without-any-spaces?orgId=1',
  },
  'A long summary that must wrap on a phone instead of pushing the page sideways',
);

test('every page fits a 390 px phone', async ({ page }) => {
  test.setTimeout(180_000);
  await sweepAlert.fire();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/signin');
  const widths: Record<string, number> = { '/signin': await documentWidth(page) };
  const culprits: Record<string, string[]> = {};
  await signIn(page, E2E_USERS.admin, '/');
  await expect(page).not.toHaveURL(/signin/);
  const fingerprint = await polledFingerprint(page.request, 'VigilE2EPhoneSweep');
  const incident = await openIncidentFor(page, fingerprint);
  // A row in the tokens table too: an empty table cannot be too wide.
  const token = await page.request.post('/api/v1/tokens', { data: { name: 'e2e-phone-sweep-token' } });
  expect(token.ok(), `POST /api/v1/tokens answered ${token.status()}`).toBe(true);
  const schedule = await createWeeklyRotation(page.request, {
    slug: `e2e-phone-${Date.now().toString(36)}`,
    name: 'Phone sweep rotation',
    people: await userIds(page.request, [E2E_USERS.admin.email, E2E_USERS.responder.email]),
    startDate: '2026-11-30',
  });
  const policies = (await (await page.request.get('/api/v1/policies')).json()) as {
    policies: { id: string }[];
  };
  // An acknowledge link's page (opening it changes nothing).
  const links = await page.request.post(`/api/v1/incidents/${incident}/action-links`);
  expect(links.ok(), `POST …/action-links answered ${links.status()}`).toBe(true);
  const linkPath = new URL(((await links.json()) as { acknowledgeUrl: string }).acknowledgeUrl).pathname;
  const pages = [
    '/',
    '/alerts',
    `/alerts?alert=${fingerprint}`,
    `/alerts/${fingerprint}`,
    '/silences',
    '/incidents',
    `/incidents/${incident}`,
    `/incidents/${incident}/postmortem`,
    '/escalation',
    '/escalation?tab=routes',
    `/escalation/policies/${policies.policies[0]?.id}`,
    '/postmortems',
    '/runbooks',
    '/runbooks/instance-down',
    '/reports',
    '/history',
    `/history?filter=${encodeURIComponent('alertname="VigilE2EPhoneSweep"')}`,
    '/admin',
    '/admin/audit',
    '/tokens',
    '/oncall',
    '/schedules',
    '/schedules/new',
    '/teams',
    '/people/me',
    `/schedules/${schedule.slug}`,
    `/schedules/${schedule.slug}?view=month&from=2027-03-01`,
    linkPath,
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    widths[path] = await documentWidth(page);
    if (widths[path] > 390) culprits[path] = await overflowingElements(page);
  }
  // A table may scroll inside its own frame without widening the page; the on-call table is what the
  // page is for, so its rows stack instead and nothing in it needs a sideways swipe.
  await page.goto('/oncall');
  const oncallFrame = page.getByTestId('oncall-table').locator('xpath=..');
  await expect(oncallFrame).toBeVisible();
  expect(await oncallFrame.evaluate((frame) => frame.scrollWidth - frame.clientWidth)).toBeLessThanOrEqual(0);
  console.log('document scrollWidth at 390 px:', JSON.stringify(widths, null, 1));
  expect(culprits).toEqual({});
});

/** An incident holding the alert (the one already open for it, if an earlier test opened one). */
async function openIncidentFor(page: Page, fingerprint: string): Promise<string> {
  const res = await page.request.post('/api/v1/incidents', { data: { alerts: [{ fingerprint }] } });
  if (res.ok()) return ((await res.json()) as { ref: string }).ref;
  const list = (await (await page.request.get('/api/v1/incidents')).json()) as {
    incidents: { ref: string }[];
  };
  const ref = list.incidents[0]?.ref;
  if (!ref) throw new Error(`no incident: POST /api/v1/incidents answered ${res.status()}`);
  return ref;
}

/** Every visible button inside `scope` is at least 44 px tall (a thumb's tap target). */
async function expectThumbSizedButtons(page: Page, scope: string) {
  const heights = await page
    .locator(scope)
    .getByRole('button')
    .evaluateAll((buttons) =>
      buttons
        .filter((b) => b.getBoundingClientRect().width > 0)
        .map(
          (b) =>
            [
              b.textContent?.trim() || b.getAttribute('aria-label'),
              Math.round(b.getBoundingClientRect().height),
            ] as const,
        ),
    );
  expect(heights.length).toBeGreaterThan(0);
  expect(heights.filter(([, h]) => h < 44)).toEqual([]);
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    const phone = viewport.name === 'phone';

    test('list, detail, acknowledge, silence and incident fit the screen', async ({ page }) => {
      test.setTimeout(150_000);
      const name = `VigilE2EThumb${phone ? 'Phone' : 'Desk'}`;
      const alert = testAlert(
        {
          alertname: name,
          instance: `e2e-thumb-${viewport.name}.example.internal:9100`,
          severity: 'warning',
          job: 'e2e',
        },
        'Acknowledge, silence and open an incident, with one thumb on a phone',
      );
      await alert.fire();
      await signIn(page, E2E_USERS.responder, `/alerts?filter=${encodeURIComponent(`alertname="${name}"`)}`);
      const row = page.getByTestId('alert-row').filter({ hasText: name });
      await expect(row).toBeVisible({ timeout: 30_000 });
      await expectNoHorizontalOverflow(page);

      // The main navigation is one Menu button on a phone, a row of links on a laptop.
      const nav = page.getByRole('navigation', { name: 'Main' });
      if (phone) {
        await expect(nav.getByRole('link', { name: 'Incidents' })).toBeHidden();
        await nav.getByRole('button', { name: 'Menu' }).click();
        await expect(nav.getByRole('link', { name: 'Incidents' })).toBeVisible();
        await nav.getByRole('button', { name: 'Menu' }).click();
      } else {
        await expect(nav.getByRole('button', { name: 'Menu' })).toBeHidden();
        await expect(nav.getByRole('link', { name: 'Incidents' })).toBeVisible();
      }

      // Nothing covers the alert's name: a tap in its middle lands on the link, which opens the detail.
      const link = row.getByTestId('alert-link');
      const box = await link.boundingBox();
      if (!box) throw new Error('the alert link has no box');
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="alert-link"]') !== null,
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(hit).toBe(true);
      if (phone) await expectThumbSizedButtons(page, '[data-testid="alert-list"]');
      await link.click();
      const detail = page.getByTestId('alert-detail');
      await expect(detail.getByRole('heading', { name })).toBeInViewport();
      await expectNoHorizontalOverflow(page);

      // Acknowledge from the detail: on a phone its buttons sit at the bottom of the screen, full width.
      const acknowledge = detail.getByRole('button', { name: 'Acknowledge', exact: true });
      if (phone) {
        await expectThumbSizedButtons(page, '[data-testid="alert-action-buttons"]');
        const ackBox = await acknowledge.boundingBox();
        expect(ackBox?.width).toBeGreaterThan(300);
        expect((ackBox?.y ?? 0) + (ackBox?.height ?? 0)).toBeGreaterThan(viewport.height * 0.6);
      }
      await acknowledge.click();
      const ackDialog = page.getByRole('dialog', { name: new RegExp(`Acknowledge ${name}`) });
      await expect(ackDialog).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await ackDialog.getByLabel('Silence it in Alertmanager until it resolves').uncheck();
      await ackDialog.getByRole('button', { name: 'Acknowledge', exact: true }).click();
      await expect(ackDialog).toBeHidden();
      await expect(detail.getByTestId('ack-status')).toContainText('Acknowledged by', { timeout: 20_000 });

      // Silence: the dialog fills a phone's screen and its buttons stay reachable.
      await detail.getByRole('button', { name: 'Silence…' }).click();
      const silenceDialog = page.getByRole('dialog', { name: 'New silence' });
      await expect(silenceDialog).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await silenceDialog.getByLabel('Comment').fill('e2e: thumb journey');
      const create = silenceDialog.getByRole('button', { name: 'Create silence' });
      await expect(create).toBeInViewport();
      if (phone) expect((await create.boundingBox())?.height).toBeGreaterThanOrEqual(44);
      await create.click();
      await expect(silenceDialog).toBeHidden();

      // Open an incident from the detail; its page fits the screen and its buttons are thumb-sized.
      await detail.getByRole('button', { name: 'Open incident' }).click();
      await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
      await expect(page.getByTestId('incident-status')).toBeVisible();
      await expectNoHorizontalOverflow(page);
      if (phone) await expectThumbSizedButtons(page, '[data-testid="incident-controls"]');
      await page.getByTestId('incident-controls').getByRole('button', { name: 'Acknowledge' }).click();
      await expect(page.getByTestId('incident-status')).toHaveText('acknowledged');
      await expectNoHorizontalOverflow(page);
      await alert.resolve();
    });
  });
}
