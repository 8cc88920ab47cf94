import { expect, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * An alert that keeps firing and resolving gets a "flapping" badge in the alerts list and its detail,
 * from the history Vigil stores (4 changes of state within an hour, the default).
 */

const labels = {
  alertname: 'VigilE2EFlapping',
  instance: 'e2e-flap-1',
  severity: 'warning',
  job: 'e2e-flap',
};

test('an alert that fires and resolves again and again is marked flapping', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, E2E_USERS.responder, '/alerts?filter=alertname%3D%22VigilE2EFlapping%22');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Two rounds of firing and resolving (four changes), each seen by Vigil, then it fires again. Each
  // firing starts after the previous resolution (the API no longer lists it), so it is a new firing.
  for (let round = 0; round < 2; round++) {
    const alert = testAlert(labels, `round ${round}`, 0);
    await alert.fire();
    await polledFingerprint(page.request, 'VigilE2EFlapping');
    await alert.resolve();
    await expect
      .poll(
        async () => {
          const res = await page.request.get('/api/v1/alerts?filter=alertname%3D%22VigilE2EFlapping%22');
          return res.ok() ? ((await res.json()) as { alerts: unknown[] }).alerts.length : -1;
        },
        { timeout: 30_000 },
      )
      .toBe(0);
  }
  const last = testAlert(labels, 'again', 0);
  await last.fire();
  await polledFingerprint(page.request, 'VigilE2EFlapping');

  // Flapping is read from the history at most every 30 s.
  const row = page.getByTestId('alert-row').filter({ hasText: 'VigilE2EFlapping' });
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId('flapping-badge')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(row.getByTestId('flapping-badge')).toHaveAttribute(
    'title',
    /^Fired or resolved [4-9] times in the last 1 h$/,
  );

  await row.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('alert-detail').getByTestId('flapping-badge')).toBeVisible();
  await last.resolve();
});
