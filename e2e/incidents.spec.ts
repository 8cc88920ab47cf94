import { expect, test } from '@playwright/test';
import { testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * The incident journey: a responder opens an incident from a firing alert, writes a note whose HTML
 * shows as text (and never runs), acknowledges and resolves the incident, and finds it in the list
 * with its MTTA and MTTR.
 */

test('open an incident from an alert, note, acknowledge, resolve, and see MTTA/MTTR in the list', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A warning, so the webhook's auto-open (severity=critical by default) leaves it to the button.
  const alert = testAlert(
    { alertname: 'VigilE2EIncident', instance: 'e2e-inc-1', severity: 'warning', job: 'e2e' },
    'Open an incident for me',
  );
  await alert.fire();
  // Any alert() from a note would be a script that ran.
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  await signIn(page, E2E_USERS.responder, '/alerts?filter=alertname%3D%22VigilE2EIncident%22');
  const row = page.getByTestId('alert-row').filter({ hasText: 'VigilE2EIncident' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('alert-detail');
  await expect(detail.getByRole('heading', { name: 'VigilE2EIncident' })).toBeVisible();
  await detail.getByRole('button', { name: 'Open incident' }).click();

  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  const ref = /INC-\d+/.exec(page.url())?.[0] ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${ref} VigilE2EIncident on e2e-inc-1`);
  await expect(page.getByTestId('incident-status')).toHaveText('open');
  await expect(page.getByTestId('incident-alerts')).toContainText('VigilE2EIncident');
  await expect(page.getByRole('link', { name: 'Post-mortem', exact: true })).toHaveAttribute(
    'href',
    `/incidents/${ref}/postmortem`,
  );

  // A note with HTML in it: shown as typed, no image element, nothing runs.
  const hostile = '<img src=x onerror=alert(1)>';
  await page.getByLabel('Add a note (Markdown)').fill(`${hostile} **checking** the e2e host`);
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByTestId('incident-note').filter({ hasText: 'the e2e host' });
  await expect(note).toContainText(hostile);
  await expect(note.locator('strong', { hasText: 'checking' })).toHaveText('checking');
  await expect(note.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('incident-timeline')).toContainText('added a note');

  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByTestId('incident-status')).toHaveText('acknowledged');
  await expect(page.getByTestId('incident-timeline')).toContainText('acknowledged the incident');

  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(page.getByTestId('incident-status')).toHaveText('resolved');
  await expect(page.getByTestId('incident-timeline')).toContainText(
    'changed the status from acknowledged to resolved',
  );
  expect(dialogs).toEqual([]);

  // The list, filtered to this incident, shows its MTTA and MTTR and their averages.
  await page.goto(`/incidents?status=resolved&q=${ref}`);
  const listed = page.getByTestId('incident-row').filter({ hasText: ref });
  await expect(listed).toHaveCount(1);
  await expect(listed.getByTestId('mtta')).toHaveText(/^\d+(s|m)/);
  await expect(listed.getByTestId('mttr')).toHaveText(/^\d+(s|m)/);
  await expect(page.getByTestId('average-mtta')).toHaveText(/^\d+(s|m)/);
  await expect(page.getByTestId('average-mttr')).toHaveText(/^\d+(s|m)/);

  await alert.resolve();
});

test('a critical alert from the Alertmanager pair opens an incident by itself, which escalates to L1 at once', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const alert = testAlert(
    { alertname: 'VigilE2EAutoIncident', instance: 'e2e-auto-1', severity: 'critical', job: 'e2e' },
    'Payments down',
  );
  await alert.fire();
  await signIn(page, E2E_USERS.responder, '/incidents');
  await expect(page.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();
  // Alertmanager's webhook (after its group_wait) is what opens it; the title names the alert.
  let ref = '';
  await expect
    .poll(
      async () => {
        const res = await page.request.get('/api/v1/incidents?q=VigilE2EAutoIncident');
        ref = ((await res.json()) as { incidents: { ref: string }[] }).incidents[0]?.ref ?? '';
        return ref;
      },
      { timeout: 120_000, intervals: [2000] },
    )
    .not.toBe('');
  type Detail = {
    status: string;
    escalationLevel: number;
    timeline: { type: string; data: Record<string, unknown> }[];
  };
  const detail = async () => (await (await page.request.get(`/api/v1/incidents/${ref}`)).json()) as Detail;
  // L1 (the automatic chat message) has no delay: the scheduler raises it on its next pass.
  await expect.poll(async () => (await detail()).escalationLevel, { timeout: 30_000 }).toBe(1);
  const opened = await detail();
  expect(opened.timeline.map((e) => e.type)).toEqual(
    expect.arrayContaining(['incident.opened', 'escalation.raised']),
  );
  expect(opened.timeline.find((e) => e.type === 'escalation.raised')?.data).toMatchObject({
    level: 1,
    reason: 'timer',
  });

  await page.goto(`/incidents/${ref}`);
  await expect(page.getByText(/Escalated to L1/).first()).toBeVisible();
  const ack = await page.request.post(`/api/v1/incidents/${ref}/acknowledge`, { data: { reason: 'on it' } });
  expect(ack.status()).toBe(200);
  expect((await detail()).status).toBe('acknowledged');
  await alert.resolve();
});
