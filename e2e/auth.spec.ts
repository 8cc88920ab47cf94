import { expect, test } from '@playwright/test';
import { signIn, signInError } from './sign-in';
import { E2E_USERS } from './users';

test('a signed-out visitor is sent to the sign-in page and back after signing in', async ({ page }) => {
  await page.goto('/alerts?severity=critical');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Falerts%3Fseverity%3Dcritical/);
  await signIn(page, E2E_USERS.responder, '/alerts?severity=critical');
  await expect(page).toHaveURL(/\/alerts\?severity=critical$/);
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible();
});

test('signing in shows the console with every upstream reachable, and signing out ends the session', async ({
  page,
}) => {
  await signIn(page, E2E_USERS.admin);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  for (const name of ['Overview', 'Alerts', 'Silences', 'Incidents', 'Runbooks', 'Admin'])
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();

  // The health indicator polls Vigil, which probes Prometheus and both Alertmanager peers.
  const health = page.getByTestId('upstream-health');
  await expect(health).toContainText('All upstreams up');
  await health.locator('summary').click();
  await expect(health.locator('[data-upstream="prometheus"][data-ok="true"]')).toHaveCount(1);
  await expect(health.locator('[data-upstream="alertmanager"][data-ok="true"]')).toHaveCount(2);
  await expect(health).toContainText('2 cluster peer(s)');

  await page.getByLabel('User menu').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin/);
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, { email: E2E_USERS.viewer.email, password: 'not-the-password' });
  await expect(signInError(page)).toHaveText('Wrong e-mail or password.');
  await expect(page).toHaveURL(/\/signin/);
});

test('repeated failed sign-ins are rate-limited, even with the right password afterwards', async ({
  page,
}) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: E2E_USERS.locked.email, password: `wrong-${i}` });
    await expect(signInError(page)).toHaveText('Wrong e-mail or password.');
  }
  await signIn(page, E2E_USERS.locked);
  await expect(signInError(page)).toContainText('Too many failed sign-ins');
  await expect(page).toHaveURL(/\/signin/);
});

test('a viewer does not see the admin page', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/\?forbidden=admin$/);
  // Told why, and what to do.
  await expect(page.getByTestId('forbidden-notice')).toContainText(
    'Admins only: that page needs the admin role, and you are signed in as a viewer.',
  );
  await expect(page.getByTestId('forbidden-notice')).toContainText('ask an admin');
});
