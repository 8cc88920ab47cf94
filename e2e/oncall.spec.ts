import { expect, test } from '@playwright/test';
import { untilLabel } from '../components/oncall/until-label';
import { fillHydrated } from './hydrated';
import { createOverride, createWeeklyRotation, userIds } from './schedules';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * Issue 15: a weekly rotation of three people in Europe/Brussels, handing off Mondays 09:00, seen
 * across the 2027-03-28 spring-forward change; an override; who is on call at a chosen time; the
 * header chip of the person on call. The browser runs in UTC (playwright.config.ts), so the 09:00
 * hand-off shows as 08:00 before the change and 07:00 after it.
 */

const SLUG = `e2e-rotation-${Date.now().toString(36)}`;

test('a weekly Brussels rotation across a daylight-saving change, an override, and who is on call', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, E2E_USERS.admin, '/');
  await expect(page).not.toHaveURL(/signin/);
  const [ann, bob, cat] = await userIds(page.request, [
    E2E_USERS.ann.email,
    E2E_USERS.bob.email,
    E2E_USERS.cat.email,
  ]);
  if (!ann || !bob || !cat) throw new Error('rotation users missing');
  // Mondays from 30 Nov 2026: Ann, Bob, Cat, … — the week of 22 Mar 2027 (the 17th) hands Ann over to Bob.
  const { scheduleId } = await createWeeklyRotation(page.request, {
    slug: SLUG,
    name: 'E2E rotation',
    people: [ann, bob, cat],
    startDate: '2026-11-30',
  });
  await createOverride(page.request, scheduleId, {
    userId: ann,
    startsAt: '2027-03-24T12:00:00Z',
    endsAt: '2027-03-24T18:00:00Z',
    reason: 'Bob at the dentist',
  });

  // The week of the change: Monday's hand-off at 09:00 CET is 08:00 UTC.
  await page.goto(`/schedules/${SLUG}?view=week&from=2027-03-22`);
  await expect(page.getByRole('heading', { level: 1, name: 'E2E rotation' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mon 22 Mar – Sun 28 Mar 2027' })).toBeVisible();
  await expect(page.getByTestId('timeline-zone')).toContainText('Times in UTC');
  await expect(page.getByTestId('timeline-zone')).toContainText('Europe/Brussels');
  const cell = (row: string, date: string) => page.locator(`[data-row="${row}"][data-date="${date}"]`);
  await expect(cell('final', '2027-03-22').getByTestId('shift-bar')).toHaveText([
    'Ann Oncall',
    '08:00 Bob Oncall',
  ]);
  // The override is on the final row, dashed, and not on the layer's.
  const override = cell('final', '2027-03-24').getByTestId('shift-bar').filter({ hasText: 'Ann Oncall' });
  await expect(override).toHaveText('12:00 Ann Oncall (override)');
  await expect(override).toHaveClass(/border-dashed/);
  await expect(cell('final', '2027-03-24').getByTestId('shift-bar')).toHaveText([
    'Bob Oncall',
    '12:00 Ann Oncall (override)',
    '18:00 Bob Oncall',
  ]);
  const layerCell = page.locator('[data-date="2027-03-24"][data-row]:not([data-row="final"])');
  await expect(layerCell.getByTestId('shift-bar')).toHaveText(['Bob Oncall']);

  // After the change the same 09:00 hand-off, now CEST, is 07:00 UTC.
  await page.getByRole('link', { name: 'Next week' }).click();
  await expect(page).toHaveURL(/view=week&from=2027-03-29/);
  await expect(cell('final', '2027-03-29').getByTestId('shift-bar')).toHaveText([
    'Bob Oncall',
    '07:00 Cat Oncall',
  ]);
  await page.getByRole('link', { name: 'Previous week' }).click();
  await expect(cell('final', '2027-03-22').getByTestId('shift-bar')).toHaveText([
    'Ann Oncall',
    '08:00 Bob Oncall',
  ]);

  // The month view of the same dates.
  await page.getByRole('link', { name: 'Month' }).click();
  await expect(page).toHaveURL(/view=month&from=2027-03-01/);
  await expect(page.getByRole('heading', { name: 'March 2027' })).toBeVisible();
  await expect(cell('final', '2027-03-29').getByTestId('shift-bar')).toHaveText([
    'Bob Oncall',
    '07:00 Cat Oncall',
  ]);

  // Seen from Brussels, the hand-off stays at 09:00 on both sides of the change.
  const brussels = await browser.newContext({
    timezoneId: 'Europe/Brussels',
    locale: 'en-GB',
    storageState: await page.context().storageState(),
  });
  try {
    const local = await brussels.newPage();
    await local.goto(`/schedules/${SLUG}?view=week&from=2027-03-22`);
    await expect(local.getByTestId('timeline-zone')).toContainText(
      'Times in Europe/Brussels, the schedule’s zone.',
    );
    const localCell = (date: string) => local.locator(`[data-row="final"][data-date="${date}"]`);
    await expect(localCell('2027-03-22').getByTestId('shift-bar')).toHaveText([
      'Ann Oncall',
      '09:00 Bob Oncall',
    ]);
    await local.getByRole('link', { name: 'Next week' }).click();
    await expect(localCell('2027-03-29').getByTestId('shift-bar')).toHaveText([
      'Bob Oncall',
      '09:00 Cat Oncall',
    ]);

    // A time the spring-forward change skipped is read as the time it became, and the field says so.
    await local.goto('/oncall');
    await fillHydrated(local.getByLabel(/On call at/), '2027-03-28T02:30');
    await local.getByRole('button', { name: 'Show' }).click();
    await expect(local).toHaveURL(/at=2027-03-28T01%3A30%3A00Z/);
    await expect(local.getByLabel(/On call at/)).toHaveValue('2027-03-28T03:30');
  } finally {
    await brussels.close();
  }

  // Who is on call at a time inside the override, picked in the zone the page shows times in (the
  // browser's, UTC, for a profile left at UTC).
  await page.goto('/oncall');
  await expect(page.getByRole('heading', { level: 1, name: 'On call' })).toBeVisible();
  await fillHydrated(page.getByLabel(/On call at/), '2027-03-24T14:00');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/at=2027-03-24T14%3A00%3A00Z/);
  const row = page.getByTestId('oncall-table').getByRole('row').filter({ hasText: 'E2E rotation' });
  await expect(row.getByRole('cell').nth(1)).toContainText('Ann Oncall');
  await expect(row.getByRole('cell').nth(1)).toContainText('override');
  await expect(row.getByRole('cell').nth(2)).toHaveText('2027-03-24 18:00 UTC');
  await expect(row.getByRole('cell').nth(3)).toHaveText('Bob Oncall from 2027-03-24 18:00 UTC');
  // Outside it, the rotation's person.
  await page.goto(`/oncall?at=${encodeURIComponent('2027-03-24T19:00:00Z')}`);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Bob Oncall');
  await expect(row.getByRole('cell').nth(3)).toHaveText('Cat Oncall from 2027-03-29 07:00 UTC');
});

test('the person on call sees "On call until …" in the header, linking to who is on call', async ({
  browser,
  page,
}) => {
  await signIn(page, E2E_USERS.admin, '/');
  await expect(page).not.toHaveURL(/signin/);
  const [bob, cat] = await userIds(page.request, [E2E_USERS.bob.email, E2E_USERS.cat.email]);
  if (!bob || !cat) throw new Error('rotation users missing');
  const { scheduleId } = await createWeeklyRotation(page.request, {
    slug: `${SLUG}-chip`,
    name: 'E2E chip rotation',
    people: [bob],
    startDate: '2026-11-30',
  });
  const now = Date.now();
  await createOverride(page.request, scheduleId, {
    userId: cat,
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 3 * 3_600_000).toISOString(),
  });
  await createOverride(page.request, scheduleId, {
    userId: bob,
    startsAt: new Date(now + 24 * 3_600_000).toISOString(),
    endsAt: new Date(now + 26 * 3_600_000).toISOString(),
  });

  const context = await browser.newContext();
  try {
    const catPage = await context.newPage();
    await signIn(catPage, E2E_USERS.cat, '/incidents');
    await expect(catPage).toHaveURL(/\/incidents/);
    const me = (await (await catPage.request.get('/api/v1/me')).json()) as {
      onCall: { until: string } | null;
    };
    expect(me.onCall).not.toBeNull();
    const label = `On call until ${untilLabel(me.onCall?.until ?? '', 'UTC', Date.now())}`;
    const chip = catPage.getByRole('link', { name: label });
    await expect(chip).toBeVisible();
    await chip.click();
    await expect(catPage).toHaveURL(/\/oncall$/);
    await expect(
      catPage.getByTestId('oncall-table').getByRole('row').filter({ hasText: 'E2E chip rotation' }),
    ).toContainText('Cat Oncall');

    // Cat manages no team: her schedule page offers only what the API lets her do, on her own cover.
    await catPage.goto(`/schedules/${SLUG}-chip`);
    const overrides = catPage.getByTestId('override-item');
    await expect(overrides).toHaveCount(2);
    await expect(catPage.getByRole('button', { name: 'Remove the override of Cat Oncall' })).toBeVisible();
    await expect(catPage.getByRole('button', { name: 'Remove the override of Bob Oncall' })).toHaveCount(0);
    await catPage.getByRole('button', { name: 'Add override' }).click();
    await expect(catPage.getByLabel('Who covers').locator('option')).toHaveText([
      "Cat Oncall (you: only this team's admins choose others)",
    ]);
  } finally {
    await context.close();
  }
  // Someone in no rotation has no chip.
  const viewer = await browser.newContext();
  try {
    const viewerPage = await viewer.newPage();
    await signIn(viewerPage, E2E_USERS.viewer, '/incidents');
    await expect(viewerPage.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    await expect(viewerPage.getByRole('link', { name: /^On call until/ })).toHaveCount(0);
  } finally {
    await viewer.close();
  }
});
