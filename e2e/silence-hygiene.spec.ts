import { expect, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * Silence hygiene as a responder meets it: a silence ending within the hour while its alert still
 * fires raises a banner on every page, which leads to the silences that need attention; a silence
 * muting nothing is listed as such.
 */

test('a silence ending soon while its alert fires shows a banner that leads to it', async ({ page }) => {
  test.setTimeout(120_000);
  const alert = testAlert(
    { alertname: 'VigilE2EExpiring', instance: 'e2e-expiring-1', severity: 'warning', job: 'e2e-hygiene' },
    'Muted for a short while',
  );
  await alert.fire();
  await signIn(page, E2E_USERS.responder, '/alerts');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await polledFingerprint(page.request, 'VigilE2EExpiring');
  for (const [matchers, comment] of [
    ['alertname="VigilE2EExpiring"', 'e2e: short silence'],
    ['alertname="VigilE2ENothingFiresThis"', 'e2e: silence muting nothing'],
  ]) {
    const made = await page.request.post('/api/v1/silences', {
      data: { matchers, duration: '30m', comment },
    });
    expect(made.status(), await made.text()).toBe(201);
  }

  // The banner reads Vigil's snapshot every minute; a reload shows it at once.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('silence-expiry-banner')).toContainText(
      '1 silence ends soon while its alerts still fire',
      {
        timeout: 2000,
      },
    );
  }).toPass({ timeout: 45_000 });
  await page.getByTestId('silence-expiry-banner').getByRole('link', { name: 'Review it' }).click();

  await expect(page).toHaveURL(/\/silences\?attention=expiring$/);
  const rows = page.getByTestId('silence-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('e2e: short silence');
  await expect(rows.first()).toContainText('expires soon');

  await page
    .getByTestId('silence-attention')
    .getByRole('link', { name: /mutes? nothing/ })
    .click();
  await expect(page).toHaveURL(/attention=idle/);
  await expect(
    page.getByTestId('silence-row').filter({ hasText: 'e2e: silence muting nothing' }),
  ).toContainText('mutes nothing');
  await alert.resolve();
});
