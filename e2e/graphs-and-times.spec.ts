import { expect, type Locator, type Page, test } from '@playwright/test';
import { fillHydrated } from './hydrated';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * Times in the reader's zone (this browser is in Brussels, UTC+1 in December; the e2e users' profiles
 * hold the default, UTC, which leaves the browser's) with UTC on hover and a switch to UTC that survives
 * a reload, with no hydration error; a zone saved on the profile taking over at once; typed times and a
 * new schedule's zone; the expression graph's range choice, drag-to-zoom, boolean axis, threshold label
 * and link to Prometheus.
 */
test.use({ timezoneId: 'Europe/Brussels' });

const LOCAL = /^(\d{4}-\d\d-\d\d) (\d\d):(\d\d) (CET|CEST)$/;
const UTC_TITLE = /^(\d{4}-\d\d-\d\d) (\d\d):(\d\d):\d\d UTC$/;

/** Collects React's hydration errors (#418, "Hydration failed", text mismatch) on a page. */
function hydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  const keep = (text: string) => {
    if (/418|hydrat/i.test(text)) errors.push(text);
  };
  page.on('pageerror', (error) => keep(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') keep(message.text());
  });
  return errors;
}

/** The text is the title's UTC minute one hour later (Brussels in winter), or the same hour in summer. */
async function expectBrusselsTime(time: Locator) {
  await expect(time).toHaveText(LOCAL);
  const text = (await time.textContent()) ?? '';
  const title = (await time.getAttribute('title')) ?? '';
  const [, , localHour, localMinute, zone] = LOCAL.exec(text) ?? [];
  const [, , utcHour, utcMinute] = UTC_TITLE.exec(title) ?? [];
  expect(localMinute).toBe(utcMinute);
  expect(Number(localHour)).toBe((Number(utcHour) + (zone === 'CEST' ? 2 : 1)) % 24);
}

test('times show in the viewer’s zone with UTC on hover, and the switch in the user menu shows UTC everywhere', async ({
  page,
}) => {
  const errors = hydrationErrors(page);
  // The admin page is rendered on the server; the admin's own last sign-in is a time on it.
  await signIn(page, E2E_USERS.admin, '/admin');
  const first = page.getByTestId(`user-${E2E_USERS.admin.email}`).locator('time');
  await expectBrusselsTime(first);

  await page.getByLabel('User menu').click();
  await expect(page.getByTestId('local-zone')).toHaveText('local: Europe/Brussels (this browser)');
  await page.getByRole('group', { name: 'Times' }).getByText('UTC', { exact: true }).click();
  await expect(first).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  await page.reload();
  await expect(first).toHaveText(/ UTC$/);

  await page.getByLabel('User menu').click();
  await page.getByRole('group', { name: 'Times' }).getByText('local', { exact: true }).click();
  await expect(first).toHaveText(/ (CET|CEST)$/);
  await page.reload();
  await expect(first).toHaveText(/ (CET|CEST)$/);
  expect(errors).toEqual([]);
});

test('a zone saved on the profile is every page’s at once, on the server too, and the menu names it', async ({
  page,
}) => {
  const errors = hydrationErrors(page);
  await signIn(page, E2E_USERS.admin, '/people/me');
  const zoneField = page.getByLabel('Time zone (IANA, e.g. Europe/Brussels)');
  try {
    await fillHydrated(zoneField, 'America/New_York');
    await page.locator('form').filter({ has: zoneField }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Time zone saved' })).toBeVisible();
    // No sign-out: the refreshed layout hands the new zone to every time below it.
    await page.getByLabel('User menu').click();
    await expect(page.getByTestId('local-zone')).toHaveText('local: America/New_York (profile)');
    // A server-rendered page is written in it from the first byte (no hydration error).
    await page.goto('/admin');
    const first = page.getByTestId(`user-${E2E_USERS.admin.email}`).locator('time');
    await expect(first).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d (EST|EDT)$/);
    expect(errors).toEqual([]);
  } finally {
    // Back to the default, which the other specs expect (the browser's zone).
    await page.request.patch('/api/v1/me', { data: { timeZone: 'UTC' } });
  }
});

test('typed times are in the zone the page shows, a new schedule’s zone is the reader’s own', async ({
  page,
}) => {
  const errors = hydrationErrors(page);
  // Rendered on the server with the zones empty (the profile is left at UTC): the browser fills in its own.
  await signIn(page, E2E_USERS.admin, '/schedules/new');
  await expect(page.getByLabel("Schedule's time zone")).toHaveValue('Europe/Brussels');
  await expect(page.getByTestId('layer-fields').getByLabel('Hand-off time zone')).toHaveValue(
    'Europe/Brussels',
  );
  await page.goto('/oncall');
  await expect(page.getByLabel('On call at (Europe/Brussels)')).toBeVisible();

  // With the switch on UTC, times are typed in UTC, but a new schedule still starts in Brussels: its zone
  // says when a 09:00 hand-off is, whatever zone the reader reads instants in.
  await page.getByLabel('User menu').click();
  await page.getByRole('group', { name: 'Times' }).getByText('UTC', { exact: true }).click();
  await expect(page.getByLabel('On call at (UTC)')).toBeVisible();
  await page.goto('/schedules/new');
  await expect(page.getByLabel("Schedule's time zone")).toHaveValue('Europe/Brussels');
  expect(errors).toEqual([]);
});

test('the expression graph: range choice, a 0/1 axis for up == 0, drag to zoom, and a link to Prometheus', async ({
  page,
}) => {
  const errors = hydrationErrors(page);
  await signIn(page, E2E_USERS.viewer, '/alerts?group_by=&filter=alertname%3D%22InstanceDown%22');
  const row = page.getByTestId('alert-row').filter({ hasText: 'InstanceDown' }).first();
  await expect(row).toBeVisible({ timeout: 120_000 });
  // The row says how long it has fired, with the start in Brussels and in UTC on hover.
  await expect(row.locator('time').first()).toHaveText(/^for \d+[smhd]/);
  await expect(row.locator('time').first()).toHaveAttribute('title', /(CET|CEST) · .* UTC$/);
  await row.getByTestId('alert-link').click();

  const detail = page.getByTestId('alert-detail');
  await expectBrusselsTime(detail.locator('header time').first());
  const graph = detail.getByTestId('expression-graph');
  await expect(graph.getByTestId('graph-threshold')).toHaveText(/Fires when up is == 0/);
  await graph.getByText('6h', { exact: true }).click();
  await expect(graph.getByRole('radio', { name: '6h' })).toBeChecked();
  // The chart itself (legend icons are recharts-surface too).
  const surface = graph.getByRole('application');
  await expect(surface).toBeVisible({ timeout: 30_000 });
  // `up` is 0 or 1: the value axis shows exactly those (the time axis ticks are clock times in Brussels).
  const ticks = () => surface.locator('.recharts-cartesian-axis-tick-value').allTextContents();
  await expect.poll(async () => (await ticks()).filter((t) => !/^\d\d:\d\d$/.test(t))).toEqual(['0', '1']);
  // The threshold (== 0) is the bottom of the plot: its label sits above the line, clear of the time
  // axis' last tick beneath the plot.
  const thresholdLabel = surface.locator('text.recharts-label', { hasText: /^fires / });
  const lastTimeTick = surface
    .locator('.recharts-cartesian-axis-tick-value', { hasText: /^\d\d:\d\d$/ })
    .last();
  const labelBox = await thresholdLabel.boundingBox();
  const tickBox = await lastTimeTick.boundingBox();
  if (!labelBox || !tickBox) throw new Error('the threshold label or the last time tick has no box');
  expect(labelBox.y + labelBox.height).toBeLessThanOrEqual(tickBox.y);

  const prometheus = graph.getByTestId('open-in-prometheus');
  await expect(prometheus).toHaveAttribute(
    'href',
    /^http:\/\/[^/]+\/graph\?g0\.expr=up&g0\.tab=0&g0\.range_input=6h$/,
  );
  await expect(graph.getByTestId('open-in-grafana')).toHaveCount(0);

  // Drag across the middle third: the graph zooms in, the link follows, and Reset zoom goes back.
  const box = await surface.boundingBox();
  if (!box) throw new Error('the chart has no box');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.4, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.55, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
  await page.mouse.up();
  await expect(graph.getByTestId('graph-reset-zoom')).toBeVisible();
  await expect(prometheus).toHaveAttribute('href', /g0\.end_input=\d{4}-\d\d-\d\d\+\d\d%3A\d\d%3A\d\d/);
  await graph.getByTestId('graph-reset-zoom').click();
  await expect(graph.getByTestId('graph-reset-zoom')).toHaveCount(0);
  await expect(prometheus).toHaveAttribute('href', /g0\.range_input=6h$/);
  expect(errors).toEqual([]);
});
