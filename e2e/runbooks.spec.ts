import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * The on-call journey through runbooks: from the firing InstanceDown alert of the harness's dead `api`
 * target to its runbook, filled in with the alert's labels and showing live Prometheus values, then
 * followed step by step. Opened without an incident, the steps are a local checklist.
 */

const API_DOWN = '/alerts?group_by=&filter=alertname%3D%22InstanceDown%22%20job%3D%22api%22';

async function openFiringApiAlert(page: Page) {
  await signIn(page, E2E_USERS.responder, API_DOWN);
  const row = page.getByTestId('alert-row').filter({ hasText: 'InstanceDown' }).first();
  // InstanceDown fires for the harness's down target after its `for: 30s`; the view refreshes itself.
  await expect(row).toBeVisible({ timeout: 120_000 });
  return row;
}

test('a firing alert opens its runbook with its labels filled in and live values', async ({ page }) => {
  const row = await openFiringApiAlert(page);
  await row.getByRole('link', { name: 'runbook' }).click();

  await expect(page).toHaveURL(/\/runbooks\/instance-down\?alert=[0-9a-f]+/);
  await expect(page.getByRole('heading', { level: 1, name: 'Instance down / API down' })).toBeVisible();
  await expect(page.getByTestId('runbook-alert-context')).toContainText('job="api"');
  // The harness alert carries job="api" and its 127.0.0.1 instance, substituted into the query.
  const target = page.getByTestId('runbook-promql').first();
  await expect(target).toContainText(/up\{job="api",instance="127\.0\.0\.1:\d+"\}/);
  // Live from Prometheus through /api/v1/query: the dead target's `up` is 0.
  await expect(target.getByTestId('promql-value')).toHaveText('0', { timeout: 30_000 });
  // Commands carry the alert's host, ready to copy.
  await expect(page.getByTestId('runbook-command').first()).toContainText('/metrics');
  await expect(page.getByTestId('runbook-command').nth(1)).toContainText('ssh 127.0.0.1');
});

test('without an incident, the steps are a local checklist', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, '/runbooks/instance-down');
  await expect(page.getByText('Not opened for an incident')).toBeVisible();
  const step = page.getByLabel('Find out how much is down');
  await expect(step).not.toBeChecked();
  await step.check();
  await expect(step).toBeChecked();
  await expect(page.locator('[data-step="scope"]')).toHaveAttribute('data-checked', 'true');
  // Nothing was stored: a fresh page starts unticked.
  await page.reload();
  await expect(page.getByLabel('Find out how much is down')).not.toBeChecked();
  // Without an alert, the query that needs its labels falls back to every down target.
  await expect(page.getByTestId('runbook-promql').first()).toContainText('up == 0');
});

test('the index searches runbooks and shows their owners and review dates', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, '/runbooks');
  await expect(page.getByRole('heading', { name: 'Runbooks' })).toBeVisible();
  await expect(page.getByTestId('runbook-item').filter({ hasText: 'Watchdog' })).toContainText('owner: sre');
  await page.getByLabel('Search runbooks').fill('disk full');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\?q=disk\+full/);
  await expect(page.getByTestId('runbook-item').first()).toContainText('Disk space low / disk full');
});

test('the runbooks API describes a runbook and stores steps only for real incidents and responders', async ({
  page,
}) => {
  await signIn(page, E2E_USERS.responder, '/');
  await expect(page).not.toHaveURL(/signin/);
  const detail = await page.request.get('/api/v1/runbooks/instance-down');
  expect(detail.status()).toBe(200);
  const body = await detail.json();
  expect(body.steps).toEqual(expect.arrayContaining([{ id: 'scope', title: 'Find out how much is down' }]));
  expect(body.source).toContain('<Step id="scope"');

  const step = (data: object) => page.request.post('/api/v1/runbooks/instance-down/steps', { data });
  const missing = await step({ incidentId: 'INC-999999', stepId: 'scope', checked: true });
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toContain('INC-999999 does not exist');
  expect((await step({ incidentId: 'INC-1', stepId: 'no-such-step', checked: true })).status()).toBe(422);
});
