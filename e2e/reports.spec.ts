import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * After a test alert fired (three times, so it ranks among the noisiest whatever else the suite fired)
 * and resolved on the real Alertmanager pair, /reports lists it with a link to the history behind it,
 * and the report's CSV download holds the header and its row; the range and the switches are in the URL,
 * so a reload keeps them, and a hand-edited URL falls back to the defaults with a note.
 */

const ALERT = 'VigilE2EReportNoise';
const labels = { alertname: ALERT, instance: 'e2e-report-1', severity: 'info', job: 'e2e-report' };

// The reader's profile holds the default (UTC, i.e. not set) and the browser is in Brussels: the report's
// days, weeks and times are all in Brussels, the zone every other page writes times in, and it says so.
test.use({ timezoneId: 'Europe/Brussels' });

type Report = { rows: { name: string; cells: Record<string, unknown>; history: string }[] };

test('a fired and resolved alert is among the noisiest, linked to its history and in the CSV', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, E2E_USERS.viewer, '/reports');
  for (let round = 0; round < 3; round++) {
    // Each firing starts after the previous resolution, so Alertmanager makes it a new firing.
    const alert = testAlert(labels, `report round ${round}`, 0);
    await alert.fire();
    await polledFingerprint(page.request, ALERT);
    await alert.resolve();
    await expect
      .poll(
        async () => {
          const res = await page.request.get(
            `/api/v1/alerts?filter=${encodeURIComponent(`alertname="${ALERT}"`)}`,
          );
          return res.ok() ? ((await res.json()) as { alerts: unknown[] }).alerts.length : -1;
        },
        { timeout: 30_000 },
      )
      .toBe(0);
  }
  await expect
    .poll(
      async () => {
        const res = await page.request.get('/api/v1/reports/noisiest-alerts');
        if (!res.ok()) return -1;
        return ((await res.json()) as Report).rows.find((r) => r.name === ALERT)?.cells.firings ?? 0;
      },
      { timeout: 30_000 },
    )
    .toBe(3);

  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  const section = page.getByTestId('report-noisiest-alerts');
  const row = section.getByTestId('report-row').filter({ hasText: ALERT });
  await expect(row).toBeVisible();
  await expect(
    page.getByText("Days, weeks (from Monday 00:00) and times in Europe/Brussels, this browser's time zone."),
  ).toBeVisible();
  await expect(row.locator('time')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d CES?T$/);
  const link = row.getByRole('link', { name: ALERT });
  const href = await link.getAttribute('href');
  expect(href).toMatch(
    new RegExp(
      `^/history\\?filter=${encodeURIComponent(`{alertname="${ALERT}"}`)}&from=\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z&to=\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z$`,
    ),
  );
  await expect(section.getByRole('figure')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv-noisiest-alerts').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^vigil-noisiest-alerts-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/,
  );
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...records] = csv.split('\r\n');
  expect(header).toMatch(/^alertname,firings,lastSeen,(\d{4}-\d\d-\d\d,){4}history$/);
  const mine = records.find((r) => r.startsWith(`${ALERT},`));
  expect(mine).toMatch(new RegExp(`^${ALERT},3,\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,(\\d+,){4}/history\\?filter=`));

  // The range and the switches are the URL: a reload (a bookmark, a shared link) shows the same report.
  // Yesterday and today in Brussels, so the firings above are in the range at any hour.
  const day = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(ms);
  const [firstDay, lastDay] = [day(Date.now() - 86_400_000), day(Date.now())];
  await page.getByLabel('From', { exact: true }).fill(firstDay);
  await page.getByLabel('To', { exact: true }).fill(lastDay);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page
    .locator('label')
    .filter({ hasText: /^team$/ })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/reports\\?from=${firstDay}&to=${lastDay}&zone=Europe%2FBrussels&by=team$`),
  );
  await page.reload();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(firstDay);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(lastDay);
  await expect(page.getByRole('radio', { name: 'team', exact: true })).toBeChecked();
  await expect(page.getByTestId('report-incident-response-by-team')).toBeVisible();
  await expect(row).toBeVisible();
  const csvHref = await page.getByTestId('csv-noisiest-alerts').getAttribute('href');
  // Midnight in Brussels: 23:00 (CET) or 22:00 (CEST) UTC the day before.
  const dayBefore = new Date(Date.parse(`${firstDay}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  expect(new URL(csvHref ?? '', page.url()).searchParams.get('from')).toMatch(
    new RegExp(`^${dayBefore}T2[23]:00:00\\.000Z$`),
  );
});

test('a hand-edited link shows the defaults and says what it ignored', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, '/reports?from=2026-02-30&to=2026-03-01&by=severity');
  const notes = page.getByTestId('reports-url-notes');
  await expect(notes).toContainText('"2026-02-30" is not a day such as 2026-03-02.');
  await expect(notes).toContainText('by=severity: group by route, team or alertname. Grouped by route.');
  await expect(page.getByRole('radio', { name: 'route', exact: true })).toBeChecked();
  await expect(page.getByTestId('report-noisiest-alerts')).toBeVisible();
});
