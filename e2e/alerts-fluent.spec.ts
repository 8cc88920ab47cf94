import { expect, type Page, test } from '@playwright/test';
import { testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * The alerts list as karma users expect it: label chips that filter, collapsible groups, several alerts
 * acknowledged at once, the firing count in the tab, and the Watchdog heartbeat as pipeline health.
 */

const JOB = 'e2e-fluent';
const hosts = ['fluent-a', 'fluent-b', 'fluent-c'];
const alerts = hosts.map((instance) =>
  testAlert({ alertname: 'VigilE2EFluent', instance, severity: 'warning', job: JOB }, `Fluent ${instance}`),
);
const rows = (page: Page) => page.getByTestId('alert-row');
const rowOf = (page: Page, instance: string) => rows(page).filter({ hasText: `instance=${instance}` });
const jobView = `/alerts?filter=${encodeURIComponent(`job="${JOB}"`)}`;

test.beforeAll(async () => {
  for (const alert of alerts) await alert.fire();
});

test.afterAll(async () => {
  for (const alert of alerts) await alert.resolve();
});

test('the tab counts firing alerts; the heartbeat is pipeline health, not a row', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, '/alerts');
  await expect(rows(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveTitle(/^\(\d+\) Alerts · Vigil$/);
  // The same count as the API gives for the view (the heartbeat left out), whatever fires meanwhile.
  const firing = async () => {
    const res = await page.request.get(
      `/api/v1/alerts?filter=${encodeURIComponent('alertname!="Watchdog"')}`,
    );
    return ((await res.json()) as { counts: { byState: { active: number } } }).counts.byState.active;
  };
  await expect
    .poll(async () => (await page.title()) === `(${await firing()}) Alerts · Vigil`, { timeout: 30_000 })
    .toBe(true);

  await expect(page.getByTestId('pipeline-heartbeat')).toHaveText('Pipeline heartbeat OK', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('pipeline-heartbeat')).toHaveAttribute('href', '/runbooks/watchdog');
  await expect(rows(page).filter({ hasText: 'Watchdog' })).toHaveCount(0);
  // Asked for by name, the heartbeat is listed.
  await page.goto('/alerts?filter=alertname%3D%22Watchdog%22');
  await expect(rows(page).filter({ hasText: 'Watchdog' })).toHaveCount(1);
});

test('label chips add a matcher; Alt-click and ≠ exclude one', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, jobView);
  await expect(rows(page)).toHaveCount(3, { timeout: 30_000 });

  await rowOf(page, 'fluent-b').getByRole('button', { name: 'Hide instance="fluent-b"' }).click();
  await expect(page.getByLabel('Filter alerts')).toHaveValue(`job="${JOB}" instance!="fluent-b"`);
  await expect(rows(page)).toHaveCount(2);

  await rowOf(page, 'fluent-c')
    .getByRole('button', { name: 'instance=fluent-c' })
    .click({ modifiers: ['Alt'] });
  await expect(page.getByLabel('Filter alerts')).toHaveValue(
    `job="${JOB}" instance!="fluent-b" instance!="fluent-c"`,
  );
  await expect(rows(page)).toHaveCount(1);

  await rowOf(page, 'fluent-a').getByRole('button', { name: 'instance=fluent-a' }).click();
  await expect(page).toHaveURL(/instance%3D%22fluent-a%22/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('fluent-a');

  // The detail's labels filter too, keeping the alert open beside the list.
  await page.goto(jobView);
  await rowOf(page, 'fluent-c').getByTestId('alert-link').click();
  const detail = page.getByTestId('alert-detail');
  await detail.getByRole('link', { name: 'fluent-c', exact: true }).click();
  await expect(page.getByLabel('Filter alerts')).toHaveValue(`job="${JOB}" instance="fluent-c"`);
  await expect(page).toHaveURL(/alert=[0-9a-f]+/);
  await expect(rows(page)).toHaveCount(1);
  await detail.getByRole('link', { name: 'Hide severity="warning"' }).click();
  await expect(page.getByLabel('Filter alerts')).toHaveValue(
    `job="${JOB}" instance="fluent-c" severity!="warning"`,
  );
  await expect(rows(page)).toHaveCount(0);
});

test('a collapsed group stays collapsed after a reload', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, jobView);
  await expect(rows(page)).toHaveCount(3, { timeout: 30_000 });
  const toggle = page.getByTestId('alert-group').getByRole('button', { name: /VigilE2EFluent/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(rows(page)).toHaveCount(0);
  await page.reload();
  await expect(
    page.getByTestId('alert-group').getByRole('button', { name: /VigilE2EFluent/ }),
  ).toHaveAttribute('aria-expanded', 'false');
  await expect(rows(page)).toHaveCount(0);
  await page
    .getByTestId('alert-group')
    .getByRole('button', { name: /VigilE2EFluent/ })
    .click();
  await expect(rows(page)).toHaveCount(3);
});

test('several alerts ticked are acknowledged together, and the result says how many', async ({ page }) => {
  await signIn(page, E2E_USERS.responder, jobView);
  await expect(rows(page)).toHaveCount(3, { timeout: 30_000 });
  await rowOf(page, 'fluent-a').getByTestId('alert-check').check();
  await rowOf(page, 'fluent-b').getByTestId('alert-check').check();
  const bar = page.getByTestId('selection-bar');
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Acknowledge 2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Acknowledge 2 selected alerts' });
  await dialog.getByLabel('Comment (optional)').fill('e2e: bulk');
  await dialog.getByRole('button', { name: 'Acknowledge 2' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('bulk-result')).toContainText('2 acknowledged.');
  await expect(bar).toBeHidden();
  await expect(rowOf(page, 'fluent-a').getByText(/acked by/)).toBeVisible({ timeout: 20_000 });
  await expect(rowOf(page, 'fluent-b').getByText(/acked by/)).toBeVisible();
  await expect(rowOf(page, 'fluent-c').getByText(/acked by/)).toHaveCount(0);
});
