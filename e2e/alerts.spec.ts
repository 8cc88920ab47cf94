import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

const rows = (page: Page) => page.getByTestId('alert-row');

async function openAlerts(page: Page, search = '') {
  await signIn(page, E2E_USERS.viewer, `/alerts${search}`);
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible();
}

test('the alerts view lists the firing alerts, filtered through the URL', async ({ page }) => {
  await openAlerts(page);
  // InstanceDown fires for the harness's down target after its `for: 30s`; the view refreshes itself.
  await expect(rows(page).filter({ hasText: 'InstanceDown' }).first()).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('freshness')).toContainText(/updated \d+ s ago/);

  await page.goto('/alerts?filter=alertname%3D%22InstanceDown%22%20job%3D%22api%22');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('InstanceDown');
  await expect(page.getByTestId('matching-count')).toHaveText('1');
  await expect(page.getByLabel('Filter alerts')).toHaveValue('alertname="InstanceDown" job="api"');

  // A broken matcher is explained next to the filter, and nothing else breaks.
  await page.goto('/alerts?filter=severity%3D%22crit');
  await expect(page.locator('#alert-filter-error')).toContainText('unclosed quote');
});

test('grouped by Alertmanager route groups, an alert is listed under its receiver', async ({ page }) => {
  // The alerts route and the pollers live in separate bundles of the production build: the wish for
  // route groups must reach the pollers (it once did not, and every alert was listed ungrouped).
  await openAlerts(
    page,
    `?group_by=%40route&filter=${encodeURIComponent('alertname="InstanceDown" job="api"')}`,
  );
  await expect(page.getByTestId('alert-group').first()).toContainText('→ pager', { timeout: 120_000 });
  await expect(rows(page).first()).toContainText('InstanceDown');
});

test('typing a filter narrows the list and the URL follows', async ({ page }) => {
  await openAlerts(page);
  await expect(rows(page).filter({ hasText: 'InstanceDown' }).first()).toBeVisible({ timeout: 120_000 });
  const filter = page.getByLabel('Filter alerts');
  await filter.fill('alertname="Watch');
  await expect(page.getByRole('option', { name: /Watchdog/ })).toBeVisible();
  await filter.press('Tab');
  await expect(filter).toHaveValue('alertname="Watchdog" ');
  await filter.press('Enter');
  await expect(page).toHaveURL(/filter=alertname%3D%22Watchdog%22/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Watchdog');
});

test('an alert opens with its graph, logs, runbook note and history; the keyboard moves through the list', async ({
  page,
}) => {
  // The heartbeat is listed only when the filter names it (it is shown as pipeline health otherwise):
  // with it, the list has at least two rows to move through whatever else fires by then.
  await openAlerts(page, `?group_by=&filter=${encodeURIComponent('alertname=~"InstanceDown|Watchdog"')}`);
  await expect(rows(page).filter({ hasText: 'InstanceDown' }).first()).toBeVisible({ timeout: 120_000 });
  await expect(rows(page).filter({ hasText: 'Watchdog' })).toHaveCount(1);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  // j/k move the selection; enter opens the selected alert beside the list.
  const count = await rows(page).count();
  expect(count).toBeGreaterThan(1);
  await expect(rows(page).nth(0)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('j');
  await expect(rows(page).nth(1)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('k');
  await expect(rows(page).nth(0)).toHaveAttribute('data-selected', 'true');
  const target = rows(page).filter({ hasText: 'InstanceDown' }).first();
  const index = Number(
    await target.evaluate((el) =>
      [...(el.parentElement?.querySelectorAll('[data-testid="alert-row"]') ?? [])].indexOf(el),
    ),
  );
  for (let i = 0; i < index; i++) await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/alert=[0-9a-f]+/);

  const detail = page.getByTestId('alert-detail');
  await expect(detail.getByRole('heading', { name: 'InstanceDown' })).toBeVisible();
  // The rule's expression from Prometheus, graphed around the start with the threshold.
  await expect(detail.getByTestId('expression-graph')).toContainText('up == 0');
  // The chart itself: with several series, the legend's icons are recharts-surface too.
  await expect(detail.getByTestId('expression-graph').getByRole('application')).toBeVisible({
    timeout: 30_000,
  });
  // Logs from the Loki replay, errors first.
  await expect(detail.getByTestId('log-lines').locator('li').first()).toHaveAttribute('data-level', 'error', {
    timeout: 30_000,
  });
  await expect(detail.getByTestId('log-selector')).toContainText('job="api"');
  // The console says its Loki is the replay (global-setup sets VIGIL_LOKI_REPLAY, as the demo does).
  await expect(detail.getByTestId('logs-replay')).toHaveText(
    'Logs are a built-in replay of recorded Loki answers, not a live Loki.',
  );
  await expect(detail.getByRole('link', { name: 'Instance down / API down' })).toHaveAttribute(
    'href',
    /\/runbooks\/instance-down\?alert=/,
  );
  // The webhook and the poller recorded this firing.
  await expect(detail.getByTestId('alert-history')).toContainText('firing', { timeout: 30_000 });

  // The detail can be shared: the URL opens the same alert for someone else.
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByTestId('alert-detail').getByRole('heading', { name: 'InstanceDown' })).toBeVisible();

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/alert=/);
});
