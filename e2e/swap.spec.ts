import { type Browser, expect, type Page, test } from '@playwright/test';
import { createWeeklyRotation, userIds } from './schedules';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * A shift swap from the console: the person on call asks a colleague to cover their shift from their
 * profile; the colleague accepts on the on-call page, and is then the one on call (an override).
 */

/**
 * A weekly rotation of `people` started yesterday (so the first holds the first week, whatever the hour
 * the test runs), made by an admin; then the asker's profile, and their shift on it.
 */
async function askersShift(page: Page, browser: Browser, name: string, people: string[]) {
  await signIn(page, E2E_USERS.admin, '/oncall');
  await expect(page.getByRole('heading', { name: 'On call' })).toBeVisible();
  const slug = `e2e-${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now().toString(36)}`;
  await createWeeklyRotation(page.request, {
    slug,
    name,
    people: await userIds(page.request, people),
    startDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  });
  const asker = await (await browser.newContext()).newPage();
  await signIn(asker, E2E_USERS.swapAsker, '/people/me');
  const shift = asker.getByTestId('profile-shifts').locator('li').filter({ hasText: name }).first();
  return { asker, shift, slug };
}

test('ask a colleague to cover my shift; they accept and are on call', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { asker, shift } = await askersShift(page, browser, 'E2E swap rotation', [
    E2E_USERS.swapAsker.email,
    E2E_USERS.swapCover.email,
  ]);
  await shift.getByRole('button', { name: 'Ask for cover' }).click();
  const dialog = asker.getByRole('dialog', { name: 'Ask for cover' });
  // What is left of the shift is offered, in the zone the page writes times in (the browser's: UTC
  // here): from now to the hand-off, 09:00 in Brussels.
  await expect(dialog.getByLabel('From (UTC)')).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  await expect(dialog.getByLabel('Until (UTC)')).toHaveValue(/T0[78]:00$/);
  await dialog.getByLabel('Ask', { exact: true }).selectOption({ label: 'Swap Cover' });
  await dialog.getByLabel('Note (optional)').fill('e2e: dentist');
  await dialog.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(dialog).toBeHidden();

  const cover = await (await browser.newContext()).newPage();
  await signIn(cover, E2E_USERS.swapCover, '/oncall');
  const requests = cover.getByTestId('swap-requests');
  await expect(requests).toContainText('Swap Asker asks you to cover: E2E swap rotation');
  await expect(requests).toContainText('e2e: dentist');
  await requests.getByRole('button', { name: 'Accept' }).click();
  await expect(cover.getByTestId('swap-requests')).toHaveCount(0);
  const row = cover.getByRole('row').filter({ hasText: 'E2E swap rotation' });
  await expect(row).toContainText('Swap Cover');
  await expect(row).toContainText('override');
});

test('a shift with no hand-off planned asks until when cover is needed', async ({ page, browser }) => {
  const { asker, shift, slug } = await askersShift(page, browser, 'E2E solo rotation', [
    E2E_USERS.swapAsker.email,
  ]);
  await expect(shift).toContainText('no hand-off before');
  await shift.getByRole('button', { name: 'Ask for cover' }).click();
  const dialog = asker.getByRole('dialog', { name: 'Ask for cover' });
  await expect(dialog.getByTestId('swap-shift')).toContainText('no hand-off planned');
  await expect(dialog.getByLabel('Until (UTC)')).toHaveValue('');
  await expect(dialog.getByRole('button', { name: 'Ask', exact: true })).toBeDisabled();
  // Two days from now, typed as a wall-clock time in UTC (the zone the field names).
  const until = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 16);
  await dialog.getByLabel('Until (UTC)').fill(until);
  await dialog.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(dialog).toBeHidden();
  const mine = await asker.request.get('/api/v1/swap-requests');
  const { mine: requests } = (await mine.json()) as {
    mine: { schedule: { slug: string }; endsAt: string }[];
  };
  expect(requests.find((r) => r.schedule.slug === slug)?.endsAt).toBe(`${until}:00.000Z`);
});
