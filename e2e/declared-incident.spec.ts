import { expect, test } from '@playwright/test';
import { testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * An incident no alert caught: a responder declares it from the incidents page, and once an alert that
 * explains it fires, adds that alert to it from the alert's detail.
 */

test('declare an incident without alerts, then add a firing alert to it', async ({ page }) => {
  test.setTimeout(120_000);
  // A warning, so the webhook's auto-open (severity=critical by default) leaves it alone.
  const alert = testAlert(
    { alertname: 'VigilE2EDeclared', instance: 'e2e-declared-1', severity: 'warning', job: 'e2e' },
    'Checkout errors',
  );
  await signIn(page, E2E_USERS.responder, '/incidents');
  await page.getByRole('button', { name: 'Declare incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
  await dialog.getByLabel('What is happening').fill('Customers report failed checkouts (e2e)');
  await dialog.getByLabel('Severity').selectOption('warning');
  await dialog.getByRole('button', { name: 'Declare' }).click();

  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  const ref = /INC-\d+/.exec(page.url())?.[0] ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    `${ref} Customers report failed checkouts (e2e)`,
  );
  await expect(page.getByTestId('incident-timeline')).toContainText('declared the incident');
  await expect(page.getByText('No alerts are linked.')).toBeVisible();

  await alert.fire();
  await page.goto('/alerts?filter=alertname%3D%22VigilE2EDeclared%22');
  const row = page.getByTestId('alert-row').filter({ hasText: 'VigilE2EDeclared' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('alert-detail');
  await detail.getByRole('button', { name: 'Add to incident…' }).click();
  const choose = page.getByRole('dialog', { name: 'Add the alert to an incident' });
  await choose.getByRole('radio', { name: new RegExp(`${ref}\\b`) }).check();
  await choose.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(choose).toBeHidden();
  // The alert now belongs to the incident: its detail leads there.
  await expect(detail.getByRole('link', { name: `Go to ${ref}` })).toBeVisible();

  await page.goto(`/incidents/${ref}`);
  await expect(page.getByTestId('incident-alerts')).toContainText('VigilE2EDeclared');
  await expect(page.getByTestId('incident-timeline')).toContainText(
    'linked alert VigilE2EDeclared on e2e-declared-1 to the incident',
  );
  await alert.resolve();
});
