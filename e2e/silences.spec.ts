import { expect, type Page, test } from '@playwright/test';
import { testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

const rows = (page: Page) => page.getByTestId('silence-row');
// One word, so the silences filter (and the clean-up below) finds exactly this test's silence.
const COMMENT = `e2e-silence-${Date.now()}`;
// This spec's own alert, so silencing it disturbs no other spec (Watchdog is counted by webhook.spec).
const ALERT = testAlert(
  { alertname: 'VigilE2ESilence', instance: 'e2e-silence-1', severity: 'warning', job: 'e2e' },
  'Silence me',
);

test.beforeAll(async () => {
  await ALERT.fire();
});

test.afterAll(async () => {
  await ALERT.resolve();
});

test.afterEach(async ({ page }) => {
  // A failure half-way must not leave the silence behind for the specs that run after this one.
  const res = await page.request.get(`/api/v1/silences?state=active&filter=${encodeURIComponent(COMMENT)}`);
  if (!res.ok()) return;
  const { silences } = (await res.json()) as { silences: { id: string; cluster: string }[] };
  for (const s of silences)
    await page.request.delete(`/api/v1/silences/${s.id}?cluster=${encodeURIComponent(s.cluster)}`);
});

test('a responder silences an alert from the silences page with a live preview, then expires it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, E2E_USERS.responder, '/silences');
  await expect(page.getByRole('heading', { name: 'Silences', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Active/ })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('button', { name: 'New silence' }).click();
  const dialog = page.getByRole('dialog', { name: 'New silence' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Matcher 1 label').fill('alertname');
  const value = dialog.getByLabel('Matcher 1 value');
  await value.fill('VigilE2ESilence');

  // The preview asks again every 10 s, so the alert shows up once the poller has it.
  const preview = dialog.getByTestId('silence-preview');
  const count = preview.getByTestId('silence-preview-count');
  await expect(count).toContainText(/Matches 1 of \d+ alerts firing now/, { timeout: 90_000 });
  await expect(preview.getByRole('list', { name: 'Alerts it would silence' })).toContainText(
    'VigilE2ESilence',
  );

  // A typo matches nothing, and the preview says so before anything is saved.
  await value.fill('VigilE2ESilense');
  await expect(count).toContainText(/Matches 0 of \d+ alerts firing now/);
  await expect(preview).toContainText('These matchers match no alert firing now');

  // A regex that does not compile is a field error at once, checked in the browser.
  await dialog.getByLabel('Matcher 1 operator').selectOption('=~');
  await value.fill('VigilE2E(Silence');
  await expect(dialog.getByText(/the regex of alertname does not compile/)).toBeVisible();
  await dialog.getByLabel('Matcher 1 operator').selectOption('=');

  await value.fill('VigilE2ESilence');
  await expect(count).toContainText(/Matches 1 of \d+ alerts firing now/);
  await expect(preview).not.toContainText('These matchers match no alert');
  await dialog.getByLabel('Comment').fill(COMMENT);
  await dialog.getByText('1h', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: '1h', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create silence' }).click();
  await expect(dialog).toBeHidden();

  // The new silence is listed as active, made in Vigil, with about an hour left.
  const row = rows(page).filter({ hasText: COMMENT });
  await expect(row).toBeVisible();
  await expect(row).toContainText('alertname="VigilE2ESilence"');
  await expect(row).toContainText('made in Vigil');
  await expect(row).toContainText(/(1h|5\dm) left/);
  // Once Alertmanager reports the alert silenced by it, the row links to it on the alerts page.
  await expect(row.getByRole('link', { name: '1 alert' })).toHaveAttribute(
    'href',
    '/alerts?filter=alertname%3D%22VigilE2ESilence%22&state=silenced',
    { timeout: 60_000 },
  );

  // A viewer sees the same silence and no way to change anything.
  const viewerContext = await browser.newContext();
  try {
    const viewer = await viewerContext.newPage();
    await signIn(viewer, E2E_USERS.viewer, '/silences');
    const viewerRow = rows(viewer).filter({ hasText: COMMENT });
    await expect(viewerRow).toContainText('made in Vigil');
    await expect(viewerRow.getByRole('button')).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: 'New silence' })).toHaveCount(0);
    await expect(viewer.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
  } finally {
    await viewerContext.close();
  }

  // Expiring asks first, then the silence leaves the Active tab and is found under Expired.
  await row.getByRole('button', { name: 'Expire', exact: true }).click();
  await row.getByRole('button', { name: 'Yes, expire' }).click();
  await expect(rows(page).filter({ hasText: COMMENT })).toHaveCount(0);
  await page.getByRole('link', { name: /^Expired/ }).click();
  await expect(page).toHaveURL(/[?&]state=expired/);
  const expired = rows(page).filter({ hasText: COMMENT });
  await expect(expired).toContainText('made in Vigil');
  await expect(expired).toContainText(/ended \d+[sm] ago/);
  await expect(expired.getByRole('button', { name: 'Re-create' })).toBeVisible();
});

test('"s" on an alert opens the silence form with its labels, previewing exactly that alert', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const own = testAlert(
    { alertname: 'VigilE2ESilenceKey', instance: 'e2e-silence-2', severity: 'info', job: 'e2e' },
    'Key',
  );
  await own.fire();
  await signIn(page, E2E_USERS.responder, '/alerts?filter=alertname%3D%22VigilE2ESilenceKey%22');
  const row = page.getByTestId('alert-row').filter({ hasText: 'VigilE2ESilenceKey' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click({ position: { x: 5, y: 5 } });
  await page.mouse.move(0, 0);
  await page.keyboard.press('s');
  const dialog = page.getByRole('dialog', { name: 'New silence' });
  await expect(dialog.getByTestId('silence-preview-count')).toContainText(
    /Matches 1 of \d+ alerts firing now/,
  );
  await dialog.getByLabel('Comment').fill(`${COMMENT}-key`);
  await dialog.getByRole('button', { name: 'Create silence' }).click();
  await expect(dialog).toBeHidden();
  // The default view leaves silenced alerts out once the poller sees Alertmanager mute it.
  await expect(row).toBeHidden({ timeout: 30_000 });
  const res = await page.request.get(
    `/api/v1/silences?state=active&filter=${encodeURIComponent(`${COMMENT}-key`)}`,
  );
  const { silences } = (await res.json()) as { silences: { id: string; matchersText: string }[] };
  expect(silences[0]?.matchersText).toBe(
    'alertname="VigilE2ESilenceKey", instance="e2e-silence-2", job="e2e", severity="info"',
  );
  for (const s of silences) await page.request.delete(`/api/v1/silences/${s.id}`);
  await own.resolve();
});

test('a silence id that is no UUID is a 422 naming it, not an upstream failure', async ({ page }) => {
  await signIn(page, E2E_USERS.responder, '/silences');
  await expect(page.getByRole('heading', { name: 'Silences', level: 1 })).toBeVisible();
  for (const res of [
    await page.request.delete('/api/v1/silences/nope'),
    await page.request.put('/api/v1/silences/nope', { data: {} }),
  ]) {
    expect(res.status()).toBe(422);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'id',
    );
  }
});
