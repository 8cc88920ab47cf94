import { expect, type Page, test } from '@playwright/test';
import { testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * What an alert says about itself, without waiting for a poll: the incident it is part of (linked from
 * its row and detail, and where "Open incident" goes), its new state right after an acknowledgement or a
 * silence with a confirmation, and clear refusals (a viewer on an admin page, unknown addresses).
 */

/**
 * From here on the alerts list and detail are not read again for 30 s (their GETs are held back): what
 * they show after a write within that time can only come from the write's own answer. Writes go through.
 */
async function holdAlertReads(page: Page): Promise<{ held: number }> {
  const reads = { held: 0 };
  await page.route(/\/api\/v1\/alerts(\/[0-9a-f]+)?(\?|$)/, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    reads.held++;
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    await route.continue().catch(() => {});
  });
  return reads;
}

test('an alert in an incident links to it from its row and detail, and "open incident" goes there', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A warning, so the webhook's auto-open (severity=critical by default) leaves it to the button.
  const alert = testAlert(
    { alertname: 'VigilE2ELinked', instance: 'e2e-link-1', severity: 'warning', job: 'e2e' },
    'Link me to my incident',
  );
  await alert.fire();
  const view = '/alerts?filter=alertname%3D%22VigilE2ELinked%22';
  await signIn(page, E2E_USERS.responder, view);
  const row = page.getByTestId('alert-row').filter({ hasText: 'VigilE2ELinked' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId('incident-chip')).toHaveCount(0);
  await row.getByTestId('alert-link').click();
  const detail = page.getByTestId('alert-detail');
  await detail.getByRole('button', { name: 'Open incident' }).click();
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  const ref = /INC-\d+/.exec(page.url())?.[0] ?? '';
  // The time to the next escalation step, ticking.
  await expect(page.getByTestId('next-escalation')).toContainText(/Next step L\d/);

  // The row and the detail now name the incident and link to it.
  await page.goto(view);
  const chip = row.getByTestId('incident-chip');
  await expect(chip).toHaveText(ref);
  await expect(chip).toHaveAttribute('href', `/incidents/${ref}`);
  await row.getByTestId('alert-link').click();
  await expect(detail.getByTestId('incident-chip')).toHaveText(ref);
  // "Open incident" became the way to the incident instead of a 409.
  await expect(detail.getByRole('button', { name: 'Open incident' })).toHaveCount(0);
  await detail.getByRole('link', { name: `Go to ${ref}` }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${ref}$`));

  // The API says the same to a client that asks anyway: 409, naming the incident.
  const alerts = await (await page.request.get(`/api/v1${view}`)).json();
  const linked = alerts.alerts.find((a: { alertname: string }) => a.alertname === 'VigilE2ELinked');
  expect(linked.incident).toMatchObject({ ref });
  const again = await page.request.post('/api/v1/incidents', {
    data: { alerts: [{ fingerprint: linked.fingerprint, cluster: linked.cluster }] },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.existing).toEqual({ id: linked.incident.id, ref });

  const resolved = await page.request.patch(`/api/v1/incidents/${ref}`, { data: { status: 'resolved' } });
  expect(resolved.status()).toBe(200);
  await alert.resolve();
});

test('acknowledging and silencing show the new state at once, with a confirmation', async ({ page }) => {
  test.setTimeout(120_000);
  const acked = testAlert(
    { alertname: 'VigilE2EStateAck', instance: 'e2e-state-1', severity: 'warning', job: 'e2e' },
    'Acknowledge me',
  );
  const silenced = testAlert(
    { alertname: 'VigilE2EStateSilence', instance: 'e2e-state-2', severity: 'warning', job: 'e2e' },
    'Silence me',
  );
  await acked.fire();
  await silenced.fire();
  try {
    await ackAndSilence(page);
  } finally {
    // A failure here must not leave a firing alert under a short silence: the silence-hygiene spec
    // counts every silence that ends soon while its alert fires.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await acked.resolve();
    await silenced.resolve();
  }
});

async function ackAndSilence(page: Page): Promise<void> {
  // Every state listed, so the rows stay on screen whatever they become.
  await signIn(
    page,
    E2E_USERS.responder,
    '/alerts?filter=alertname%3D~%22VigilE2EState.*%22&state=active,silenced,inhibited,acknowledged&group_by=',
  );
  const ackRow = page.getByTestId('alert-row').filter({ hasText: 'VigilE2EStateAck' });
  const silenceRow = page.getByTestId('alert-row').filter({ hasText: 'VigilE2EStateSilence' });
  await expect(ackRow).toBeVisible({ timeout: 30_000 });
  await expect(silenceRow).toBeVisible({ timeout: 30_000 });
  await silenceRow.getByTestId('alert-link').click();
  const detail = page.getByTestId('alert-detail');
  await expect(detail.getByRole('heading', { name: 'VigilE2EStateSilence' })).toBeVisible();
  await page.mouse.move(0, 0);
  const reads = await holdAlertReads(page);

  // Acknowledge from the row: the row says so at once, and a confirmation appears.
  await ackRow.getByRole('button', { name: 'Acknowledge VigilE2EStateAck' }).click();
  const ackDialog = page.getByRole('dialog', { name: /Acknowledge VigilE2EStateAck/ });
  await ackDialog.getByRole('button', { name: 'Acknowledge', exact: true }).click();
  await expect(ackDialog).toBeHidden();
  await page.mouse.move(0, 0);
  await expect(ackRow.getByText(/acked by/)).toBeVisible();
  await expect(ackRow.getByText('firing', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Acknowledged' })).toBeVisible();
  // The write did ask for the list again; that answer is what is being held back.
  expect(reads.held).toBeGreaterThan(0);

  // Silence from the detail: the detail and the row say so at once, with the silence's end.
  await detail.getByRole('button', { name: 'Silence…' }).click();
  const silenceDialog = page.getByRole('dialog', { name: 'New silence' });
  await silenceDialog.getByLabel('Comment').fill('e2e: state at once');
  await silenceDialog.getByRole('button', { name: 'Create silence' }).click();
  await expect(silenceDialog).toBeHidden();
  await page.mouse.move(0, 0);
  // The end's time alone when it is today, with the day when the hour's silence runs past midnight.
  await expect(
    page.getByRole('status').filter({ hasText: /Silenced until (\w{3} \d{1,2} \w{3}, )?\d\d:\d\d/ }),
  ).toBeVisible();
  await expect(detail.getByText('silenced', { exact: true })).toBeVisible();
  await expect(silenceRow.getByText(/silenced by/)).toBeVisible();
  await expect(silenceRow.getByText('firing', { exact: true })).toHaveCount(0);
}

test('a viewer sent away from an admin page is told why', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, '/admin');
  await expect(page).toHaveURL(/\/\?forbidden=admin$/);
  await expect(page.getByTestId('forbidden-notice')).toContainText(
    'Admins only: that page needs the admin role, and you are signed in as a viewer.',
  );
});

test('unknown incidents, alerts and runbooks get a not-found page with a way back', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, '/incidents/INC-999999');
  // Signed in (back on the page asked for) before going anywhere else.
  await expect(page.getByTestId('not-found')).toBeVisible();
  for (const [path, what, back] of [
    ['/incidents/INC-999999', 'There is no incident INC-999999.', '/incidents'],
    ['/alerts/ffffffffffff0000', 'No alert with fingerprint ffffffffffff0000 has fired here', '/alerts'],
    ['/runbooks/no-such-runbook', 'There is no runbook "no-such-runbook".', '/runbooks'],
  ] as const) {
    // A 404, not a 200 with the not-found text (the incident's loading state streams first).
    expect((await page.goto(path))?.status()).toBe(404);
    const notFound = page.getByTestId('not-found');
    await expect(notFound.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(notFound).toContainText(what);
    // Inside the console's frame (navigation still there), with the way back.
    await expect(page.getByRole('navigation').first()).toBeVisible();
    await notFound.getByRole('link', { name: /^← All/ }).click();
    await expect(page).toHaveURL(new RegExp(`${back}$`));
  }
  expect((await page.goto('/incidents/INC-999999/postmortem'))?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('There is no incident INC-999999.');
});

test('a runbook opened without an alert shows its placeholders as placeholders', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, '/runbooks/instance-down');
  await expect(page.locator('[data-placeholder="job"]').first()).toHaveText('{{job}}');
  await expect(page.getByText('(job job)')).toHaveCount(0);
});
