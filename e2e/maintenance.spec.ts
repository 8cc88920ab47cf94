import { expect, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * A recurring maintenance window from the silences page: a responder schedules it once for every week,
 * sees when it runs next and which firing alert it would suppress, Vigil creates its silence ahead of
 * the occurrence (shown in the pending silences), and deleting the window takes that silence back.
 */

test('schedule a weekly maintenance window, see its silence made ahead, delete it', async ({ page }) => {
  test.setTimeout(180_000);
  const alert = testAlert(
    { alertname: 'VigilE2EMaintenance', instance: 'e2e-maint-1', severity: 'warning', job: 'e2e-maint' },
    'Patched every week',
  );
  await alert.fire();
  // Starts in 30 minutes (UTC wall clock, the zone the form is given): within the 1 hour lead time.
  const start = new Date(Date.now() + 30 * 60_000).toISOString().slice(0, 16);

  await signIn(page, E2E_USERS.responder, '/silences');
  // Vigil has the alert before the window is made, so the window's first answer can count it.
  await expect(page.getByRole('heading', { name: 'Maintenance windows' })).toBeVisible();
  await polledFingerprint(page.request, 'VigilE2EMaintenance');
  await page.getByRole('button', { name: 'New maintenance window' }).click();
  const dialog = page.getByRole('dialog', { name: 'New maintenance window' });
  await dialog.getByLabel('Name').fill('E2E weekly patching');
  await dialog.getByLabel('Matchers').fill('job="e2e-maint"');
  // The label names the window's zone, filled in with the reader's (this browser's UTC, for a profile
  // left at UTC) and set again below.
  await dialog.getByLabel('First start (UTC)').fill(start);
  await dialog.getByLabel('Time zone').fill('UTC');
  await dialog.getByLabel('Lasts').fill('1h');
  await dialog.getByLabel('Repeats').selectOption('weekly');
  const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(`${start}:00Z`).getUTCDay()] ?? 'SU';
  await dialog.getByRole('checkbox', { name: 'SU' }).setChecked(weekday === 'SU');
  await dialog.getByRole('checkbox', { name: weekday }).check();
  await dialog.getByLabel('What is the maintenance').fill('e2e: weekly patching');
  await dialog.getByRole('button', { name: 'Create window' }).click();
  await expect(dialog).toBeHidden();

  const item = page.getByTestId('maintenance-window').filter({ hasText: 'E2E weekly patching' });
  await expect(item).toContainText(`every week on`);
  await expect(item).toContainText('Next:');
  await expect(item.getByTestId('maintenance-reach')).toContainText(
    'Would suppress 1 alert firing now: VigilE2EMaintenance',
    { timeout: 30_000 },
  );
  // The scheduler runs every minute: the silence is made within about a minute of the window's creation.
  await expect(item).toContainText('silence created', { timeout: 90_000 });
  await page.goto('/silences?state=pending');
  await expect(page.getByText('Vigil maintenance: E2E weekly patching')).toBeVisible({ timeout: 30_000 });

  await page
    .getByTestId('maintenance-window')
    .filter({ hasText: 'E2E weekly patching' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByTestId('maintenance-window').filter({ hasText: 'E2E weekly patching' })).toHaveCount(
    0,
  );
  await expect(page.getByText('Vigil maintenance: E2E weekly patching')).toHaveCount(0, { timeout: 30_000 });
  await alert.resolve();
});
