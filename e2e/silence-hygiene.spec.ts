import { expect, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * Silence hygiene as a responder meets it: a silence ending within the hour while its alert still
 * fires raises a banner on every page once past its middle, which leads to the silences that need
 * attention; a silence muting nothing is listed as such.
 */

test('a silence ending soon while its alert fires shows a banner that leads to it', async ({ page }) => {
  // A silence is flagged once past its middle (endsSoon): a 3-minute one from 90 s on.
  test.setTimeout(240_000);
  const alert = testAlert(
    { alertname: 'VigilE2EExpiring', instance: 'e2e-expiring-1', severity: 'warning', job: 'e2e-hygiene' },
    'Muted for a short while',
  );
  await alert.fire();
  await signIn(page, E2E_USERS.responder, '/alerts');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await polledFingerprint(page.request, 'VigilE2EExpiring');
  for (const [matchers, duration, comment] of [
    ['alertname="VigilE2EExpiring"', '3m', 'e2e: short silence'],
    ['alertname="VigilE2ENothingFiresThis"', '30m', 'e2e: silence muting nothing'],
  ]) {
    const made = await page.request.post('/api/v1/silences', {
      data: { matchers, duration, comment },
    });
    expect(made.status(), await made.text()).toBe(201);
  }
  // Just made, it is not flagged: whoever made it knows when it ends.
  const flagged = await page.request.get('/api/v1/silences?state=active&attention=expiring');
  expect(flagged.status()).toBe(200);
  const comments = ((await flagged.json()) as { silences: { comment: string }[] }).silences.map(
    (s) => s.comment,
  );
  expect(comments).not.toContain('e2e: short silence');

  // The banner reads Vigil's snapshot every minute; a reload shows it at once.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('silence-expiry-banner')).toContainText(
      '1 silence ends soon while its alerts still fire',
      {
        timeout: 2000,
      },
    );
  }).toPass({ timeout: 150_000, intervals: [5000] });
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
