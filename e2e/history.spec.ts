import { expect, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { fillHydrated } from './hydrated';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * A test alert fired and resolved on the real Alertmanager pair is found on /history by a matcher typed
 * into the page: first still firing, then resolved with its duration. The search lives in the URL.
 */

const run = Date.now().toString(36);
const labels = {
  alertname: 'VigilE2EHistory',
  instance: `e2e-history-${run}`,
  severity: 'warning',
  job: 'e2e',
};

test('a fired and resolved alert is found on /history by a matcher, with its status and duration', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Started two and a half minutes ago: its duration reads in minutes.
  const alert = testAlert(labels, 'history e2e', 150_000);
  await alert.fire();
  await signIn(page, E2E_USERS.viewer, '/history');
  await polledFingerprint(page.request, 'VigilE2EHistory');

  await page.getByRole('link', { name: 'History' }).first().waitFor({ state: 'attached' });
  await fillHydrated(
    page.getByLabel('Label matchers'),
    `{alertname="VigilE2EHistory", instance=~"e2e-history-.*"}`,
  );
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/history\?filter=%7Balertname%3D%22VigilE2EHistory%22/);
  const row = page.getByTestId('history-row').filter({ hasText: labels.instance });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText('firing', { exact: true })).toBeVisible();
  await expect(row.getByTestId('history-duration')).toHaveText(/^\d+m so far$/);

  await alert.resolve();
  // The resolution reaches Vigil by webhook or the next poll; the page shows what it read when loaded.
  await expect(async () => {
    await page.reload();
    await expect(row.getByText('firing', { exact: true })).toHaveCount(0, { timeout: 2000 });
    await expect(row.getByTestId('history-duration')).toHaveText(/^\d+m$/, { timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  // A matcher that excludes it (anchored regex, negative) finds nothing.
  await page.goto(
    `/history?filter=${encodeURIComponent('alertname="VigilE2EHistory" instance!~"e2e-history-.*"')}`,
  );
  await expect(page.getByText('No firing matches these matchers in this range.')).toBeVisible();
});

test('a from or to in the URL that is no time leaves the page working and says what is wrong', async ({
  page,
}) => {
  await signIn(page, E2E_USERS.viewer, '/history?from=bad&to=2026-12-01T00:00:00Z');
  await expect(page.getByLabel(/^From \(/)).toHaveValue('');
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
});
