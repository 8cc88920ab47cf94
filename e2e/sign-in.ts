import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page, user: { email: string; password: string }, path = '/') {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Move the pointer to the corner: the alerts list holds still while the pointer rests on it, so a
  // test waiting for new rows must not leave it there.
  await page.mouse.move(0, 0);
}

/** The sign-in form's error (Next's empty route announcer is also role=alert). */
export const signInError = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });
