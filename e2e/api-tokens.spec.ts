import { expect, test } from '@playwright/test';
import { fillHydrated } from './hydrated';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test('the API refuses calls without credentials or with a bogus token', async ({ request }) => {
  for (const path of ['/api/v1/me', '/api/v1/tokens', '/api/v1/users', '/api/v1/upstreams']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  }
  const bogus = await request.get('/api/v1/me', { headers: bearer(`vgl_${'x'.repeat(43)}`) });
  expect(bogus.status()).toBe(401);
});

test('health and metrics are public', async ({ request }) => {
  await expect.poll(async () => (await request.get('/api/health')).status(), { timeout: 30_000 }).toBe(200);
  const health = await (await request.get('/api/health')).json();
  expect(health).toMatchObject({
    status: 'healthy',
    database: 'up',
    prometheus: 'up',
    alertmanager: 'up',
    loki: 'up',
  });
  expect(Date.parse(health.timestamp)).not.toBeNaN();
  // What failed, and on which host, is for people who may sign in (item 12 of issue 13).
  expect(health).not.toHaveProperty('errors');
  const live = await request.get('/api/health?probe=live');
  expect(await live.json()).toMatchObject({ status: 'alive' });

  const metrics = await (await request.get('/metrics')).text();
  expect(metrics).toMatch(/^vigil_database_up 1$/m);
  expect(metrics).toMatch(
    /^vigil_upstream_requests_total\{source="alertmanager",name="default peer 1",endpoint="\/api\/v2\/alerts",outcome="ok"\} \d+/m,
  );
  expect(metrics).toMatch(/^vigil_snapshot_age_seconds\{source="prometheus",name="default"\} \d/m);
  expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
  expect(metrics).toMatch(
    /^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/me",status="401"\} \d+/m,
  );
});

test('API tokens: created in the console, accepted, role-checked, and refused once revoked', async ({
  page,
  request,
}) => {
  // An admin creates a token in the console; the secret is shown once.
  await signIn(page, E2E_USERS.admin, '/tokens');
  await fillHydrated(page.getByLabel('Name'), 'e2e-admin-token');
  await page.getByRole('button', { name: 'Create token' }).click();
  const adminToken = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(adminToken).toMatch(/^vgl_/);
  await expect(page.getByTestId('token-e2e-admin-token')).toBeVisible();
  await expect(page.getByTestId('token-e2e-admin-token')).not.toContainText(adminToken);

  const me = await request.get('/api/v1/me', { headers: bearer(adminToken) });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: E2E_USERS.admin.email, role: 'admin', via: 'token' });

  // The admin issues a token acting as the viewer; the viewer may read but not act.
  const users = (await (await request.get('/api/v1/users', { headers: bearer(adminToken) })).json())
    .users as {
    id: string;
    email: string;
  }[];
  const viewerId = users.find((u) => u.email === E2E_USERS.viewer.email)?.id;
  // A token cannot mint tokens, not even an admin's: a leaked one must not outlive its revocation.
  const minted = await request.post('/api/v1/tokens', {
    headers: bearer(adminToken),
    data: { name: 'child-token', userId: viewerId },
  });
  expect(minted.status()).toBe(403);
  expect((await minted.json()).error.message).toContain('An API token cannot create API tokens');
  // The admin's session can (page.request sends its cookie).
  const created = await page.request.post('/api/v1/tokens', {
    data: { name: 'viewer-token', userId: viewerId },
  });
  expect(created.status()).toBe(201);
  const viewerToken = (await created.json()).token as string;
  // Every token expires: 90 days unless fewer were asked (apiTokens.defaultExpiryDays).
  const listed = (await (await page.request.get('/api/v1/tokens')).json()).tokens as {
    name: string;
    createdAt: string;
    expiresAt: string | null;
  }[];
  const viewerRow = listed.find((t) => t.name === 'viewer-token');
  expect(Date.parse(viewerRow?.expiresAt ?? '') - Date.parse(viewerRow?.createdAt ?? '')).toBeCloseTo(
    90 * 86_400_000,
    -4,
  );
  expect(listed.some((t) => t.name === 'child-token')).toBe(false);
  expect((await request.get('/api/v1/me', { headers: bearer(viewerToken) })).status()).toBe(200);
  // With a token, /api/health also says what is down (nothing here).
  expect(await (await request.get('/api/health', { headers: bearer(viewerToken) })).json()).toMatchObject({
    status: 'healthy',
    errors: [],
  });
  const forbidden = await request.post('/api/v1/tokens', {
    headers: bearer(viewerToken),
    data: { name: 'nope' },
  });
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.message).toContain('needs the responder role');
  expect((await request.get('/api/v1/users', { headers: bearer(viewerToken) })).status()).toBe(403);

  // Bad input is a 422 naming the field, and nothing is created.
  const invalid = await page.request.post('/api/v1/tokens', { data: { name: '' } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.fields.name).toContain('Give the token a name');
  const tooLong = await page.request.post('/api/v1/tokens', {
    data: { name: 'forever', expiresInDays: 3650 },
  });
  expect(tooLong.status()).toBe(422);
  expect((await tooLong.json()).error.fields.expiresInDays).toBe('must be at most 90 days');

  // Revoking in the console: the token stops working at once.
  await page.reload();
  await page.getByTestId('token-e2e-admin-token').getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByTestId('token-e2e-admin-token')).toContainText('revoked');
  expect((await request.get('/api/v1/me', { headers: bearer(adminToken) })).status()).toBe(401);
});

test('an admin changes a role, disables and enables an account in the console, each applying to the next request', async ({
  browser,
}) => {
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signIn(userPage, E2E_USERS.demoted, '/tokens');
  await expect(userPage.getByRole('button', { name: 'Create token' })).toBeVisible();

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, E2E_USERS.admin, '/admin');
  const row = adminPage.getByTestId(`user-${E2E_USERS.demoted.email}`);
  await row.getByLabel(`Role of ${E2E_USERS.demoted.email}`).selectOption('viewer');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(async () => {
      const res = await adminPage.request.get('/api/v1/users');
      const users = (await res.json()).users as { email: string; role: string }[];
      return users.find((u) => u.email === E2E_USERS.demoted.email)?.role;
    })
    .toBe('viewer');

  // Same session cookie as before: the role is read from the database on every request.
  const attempt = await userPage.request.post('/api/v1/tokens', { data: { name: 'after-demotion' } });
  expect(attempt.status()).toBe(403);
  await userPage.reload();
  await expect(userPage.getByText('Creating API tokens needs the responder role.')).toBeVisible();

  // Disabled in the console, the same session stops at its next request; enabled again, it works.
  await row.getByRole('button', { name: `Disable ${E2E_USERS.demoted.email}` }).click();
  await expect(row).toContainText('disabled');
  expect((await userPage.request.get('/api/v1/me')).status()).toBe(401);
  await row.getByRole('button', { name: `Enable ${E2E_USERS.demoted.email}` }).click();
  await expect(row).not.toContainText('disabled');
  expect((await userPage.request.get('/api/v1/me')).status()).toBe(200);
  await userContext.close();
  await adminContext.close();
});
