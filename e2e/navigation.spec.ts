import { expect, type Page, test } from '@playwright/test';
import { hydrated } from './hydrated';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * Links prefetch their page when someone reaches for them, not when they are in view
 * (components/ui/link.tsx): a page load costs one server render, not one more per link in the
 * navigation and per row of a list.
 */

/** The paths of the router's prefetch requests (Next marks them `Next-Router-Prefetch: 1`). */
function recordPrefetches(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch'] === '1') paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

test('a page load prefetches no linked page; pointing at a link prefetches its page', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, E2E_USERS.admin, '/');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const prefetched = recordPrefetches(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const incidents = nav.getByRole('link', { name: 'Incidents', exact: true });
  // Pages with links in their content too: the silence tabs, the incident rows (one opened here).
  const opened = await page.request.post('/api/v1/incidents', {
    data: { title: 'Navigation prefetch check', severity: 'warning' },
  });
  expect(opened.ok(), `POST /api/v1/incidents answered ${opened.status()}`).toBe(true);
  for (const path of ['/incidents', '/silences']) {
    await page.goto(path);
    await hydrated(incidents);
    // Next prefetches the links in view once the page is idle; give it the time that takes.
    await page.waitForTimeout(2_000);
    expect(prefetched, `prefetched on loading ${path}`).toEqual([]);
  }

  await incidents.hover();
  // Next may ask in more than one request (the route's tree, then its segments): one page either way.
  await expect.poll(() => [...new Set(prefetched)]).toEqual(['/incidents']);
  await incidents.click();
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByRole('heading', { name: 'Incidents', exact: true })).toBeVisible();
});
