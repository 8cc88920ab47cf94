import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

test('the overview shows the down target, firing alerts, rule health and a CPU chart with data', async ({
  page,
}) => {
  await signIn(page, E2E_USERS.viewer);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  // The harness always has one target nobody answers for (job "api"); it is listed first, with its error.
  const targets = page.getByTestId('targets');
  await expect(targets.locator('li').first()).toContainText('api', { timeout: 30_000 });
  await expect(targets.locator('[data-health="down"]').first()).toContainText('connection refused');
  await expect(page.getByTestId('tile-targets-down')).not.toHaveText('0');

  // Watchdog fires at once; the overview refreshes itself until it shows up.
  await expect
    .poll(async () => Number(await page.getByTestId('tile-firing').textContent()), { timeout: 90_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('rule-health')).toContainText('No rule is failing to evaluate.');

  // node_exporter is scraped every 5 s: the CPU chart draws a line once two samples exist.
  const cpu = page.getByTestId('panel-system-cpu');
  await expect(cpu.locator('.recharts-line path').first()).toBeVisible({ timeout: 60_000 });
  // Redis and cAdvisor are not in the harness: their optional boards are hidden, not shown empty.
  await expect(page.getByRole('heading', { name: 'Redis' })).toHaveCount(0);

  // A wider range re-queries with a coarser step (the stack is young, so it may hold a single point).
  await page.getByText('6h', { exact: true }).click();
  await expect(page).toHaveURL(/range=6h/);
  await expect(cpu.locator('.recharts-surface')).toBeVisible();
  await expect(cpu.getByRole('alert')).toHaveCount(0);
});
