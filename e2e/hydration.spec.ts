import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * /alerts hydrates cleanly, load after load (issue 18: React error #418 in 2 of 20 loads). The list
 * shows times relative to "now" ("for 12m", "updated 0 s ago"); the server's now and the browser's
 * differ, by the time between rendering and hydrating, or by a skewed clock. This browser's clock runs
 * 7 minutes ahead of the server's, which turns the race into a certainty: any text that depends on the
 * browser's clock in the first client render differs from the server's HTML on every load.
 * The same loads check that nothing the page asks for is missing (the icon was a 404 on every load).
 */

const LOADS = 20;
const SKEW_MS = 7 * 60_000;

/** React attaches its fiber to the DOM nodes it hydrated (or rendered again after a mismatch). */
const hydrated = (page: Page) =>
  page
    .getByTestId('freshness')
    .evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber')))
    .catch(() => false);

test(`/alerts hydrates without an error in ${LOADS} loads, with the browser's clock 7 minutes ahead`, async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  const missing: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.clock.install({ time: new Date(Date.now() + SKEW_MS) });
  await signIn(page, E2E_USERS.viewer, '/alerts');
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible();
  // The harness's InstanceDown fires after its `for: 30s`: a row whose "for …" depends on the clock.
  await expect(page.getByTestId('alert-row').first()).toBeVisible({ timeout: 120_000 });

  for (let load = 1; load <= LOADS; load++) {
    await page.reload();
    await expect(page.getByTestId('alert-row').first()).toBeVisible();
    await expect.poll(() => hydrated(page), { message: `load ${load} hydrated` }).toBe(true);
    // The browser's clock took over after hydration: "updated 420 s ago" and more, not the server's 0 s.
    await expect(page.getByTestId('freshness')).toContainText(/updated (4[0-9]{2}|[5-9][0-9]{2}) s ago/);
    expect(errors, `console errors on load ${load}`).toEqual([]);
  }
  expect(missing).toEqual([]);
  // The icon the pages link to is served, also to a signed-out visitor (the sign-in page shows it).
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(icon).toMatch(/^\/icon\.svg/);
  const signedOut = await page.context().browser()?.newContext();
  const answer = await signedOut?.request.get(new URL(icon ?? '', page.url()).toString(), {
    maxRedirects: 0,
  });
  expect(answer?.status()).toBe(200);
  expect(answer?.headers()['content-type']).toContain('image/svg+xml');
  await signedOut?.close();
});
