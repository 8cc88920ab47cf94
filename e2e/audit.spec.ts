import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fillHydrated } from './hydrated';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

// A documentation address (RFC 5737) sent as X-Forwarded-For, as a proxy in front of Vigil would: the
// e2e server trusts 127.0.0.1 as a proxy (VIGIL_TRUSTED_PROXIES in global-setup.ts), so the audit log
// records the address the proxy vouches for.
const ADDRESS = '203.0.113.42';
const TOKEN_NAME = 'e2e-audit-token';

test('an admin finds an audited change by its action, with its address, and exports it as CSV', async ({
  browser,
}) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ADDRESS } });
  const page = await context.newPage();

  // Something audited: creating an API token.
  await signIn(page, E2E_USERS.admin, '/tokens');
  await fillHydrated(page.getByLabel('Name'), TOKEN_NAME);
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByTestId('new-token')).toBeVisible();

  // The admin page links to the audit log.
  await page.goto('/admin');
  await page.getByRole('link', { name: /^Audit log/ }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();

  // Filtering is a GET form: the filter lands in the URL and only matching entries are listed.
  await page.getByLabel('Action', { exact: true }).selectOption('api_token.created');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]action=api_token\.created(&|$)/);
  const entries = page.getByTestId('audit-entry');
  await expect(entries.first()).toBeVisible();
  await expect(entries.filter({ hasNotText: 'api_token.created' })).toHaveCount(0);
  const entry = entries.filter({ hasText: TOKEN_NAME });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(E2E_USERS.admin.email);
  await expect(entry).toContainText(ADDRESS);
  await expect(entry).toContainText('succeeded');

  // The export carries the same filter.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^vigil-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...records] = csv.split('\r\n');
  expect(header).toBe('id,at,actor_email,via,action,target,details,ip,success');
  expect(records.at(-1)).toBe('');
  const rows = records.slice(0, -1);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toContain(',api_token.created,');
  const row = rows.find((r) => r.includes(TOKEN_NAME)) ?? '';
  const admin = E2E_USERS.admin.email;
  expect(row).toMatch(/^\d+,\d{4}-\d\d-\d\dT[\d:.]+Z,/);
  expect(row).toContain(`,${admin},session,api_token.created,${admin},"{`);
  expect(row.endsWith(`}",${ADDRESS},true`)).toBe(true);
  await context.close();
});

test('a responder is kept out of the audit log, in the console and the API', async ({ page }) => {
  await signIn(page, E2E_USERS.responder);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit', exact: true })).toHaveCount(0);
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/\?forbidden=admin$/);
  await expect(page.getByTestId('forbidden-notice')).toContainText('Admins only');
  for (const path of ['/api/v1/audit', '/api/v1/audit/export']) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect((await response.json()).error.message, path).toContain('needs the admin role');
  }
});
