import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.use({ colorScheme: 'dark' });

test('the theme follows the system until the user picks one, which survives a reload', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  expect(await background(page)).toBe('rgb(11, 17, 32)');

  await page.getByLabel('User menu').click();
  await page.getByText('light', { exact: true }).click();
  await expect.poll(() => background(page)).toBe('rgb(248, 250, 252)');
  await page.reload();
  expect(await background(page)).toBe('rgb(248, 250, 252)');

  await page.getByLabel('User menu').click();
  await page.getByText('system', { exact: true }).click();
  await expect.poll(() => background(page)).toBe('rgb(11, 17, 32)');
});
