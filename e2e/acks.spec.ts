import { expect, test } from '@playwright/test';
import { peerAlerts, peerSilences, polledFingerprint, testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * The acknowledgement journey of the demo: a responder acknowledges a firing alert from the alerts
 * view with the keyboard, a second signed-in user sees who did, the alert's cause goes away, and the
 * acknowledgement and its Alertmanager silence disappear by themselves.
 */

test('acknowledge with "a", seen by a second user, cleaned up by itself when the alert resolves', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const alert = testAlert(
    { alertname: 'VigilE2EAck', instance: 'e2e-ack-1', severity: 'warning', job: 'e2e' },
    'Ack me',
  );
  await alert.fire();
  const view = '/alerts?filter=alertname%3D%22VigilE2EAck%22';
  await signIn(page, E2E_USERS.responder, view);
  const row = page.getByTestId('alert-row').filter({ hasText: 'VigilE2EAck' });
  // The poller picks the new alert up within an interval; the view refreshes itself.
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click({ position: { x: 5, y: 5 } });
  await page.mouse.move(0, 0);
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: /Acknowledge VigilE2EAck on e2e-ack-1/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Comment (optional)').fill('checking the e2e host');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row.getByText(/acked by/)).toBeVisible();

  // Alertmanager mutes it with a silence made by the responder, naming the acknowledgement.
  await expect
    .poll(async () => (await peerAlerts('alertname="VigilE2EAck"'))[0]?.status.state, { timeout: 10_000 })
    .toBe('suppressed');
  const silenceId = (await peerAlerts('alertname="VigilE2EAck"'))[0]?.status.silencedBy[0];
  // Peer 2 has it once gossip carried it over (a few hundred ms after the write to peer 1).
  await expect
    .poll(async () => (await peerSilences()).some((s) => s.id === silenceId), { timeout: 5000 })
    .toBe(true);
  const silence = (await peerSilences()).find((s) => s.id === silenceId);
  expect(silence).toMatchObject({ createdBy: E2E_USERS.responder.email, status: { state: 'active' } });
  expect(silence?.comment).toMatch(/^Acknowledged in Vigil \(ack \w+\): checking the e2e host$/);

  // A second user, signed in elsewhere, sees who acknowledged it, and as a viewer cannot act.
  const other = await browser.newContext();
  const viewerPage = await other.newPage();
  await signIn(viewerPage, E2E_USERS.viewer, view);
  const viewerRow = viewerPage.getByTestId('alert-row').filter({ hasText: 'VigilE2EAck' });
  await expect(viewerRow.getByText(/acked by/)).toBeVisible({ timeout: 15_000 });
  await expect(viewerRow.getByRole('button', { name: /Acknowledge/ })).toHaveCount(0);
  await other.close();

  // The cause is fixed: the acknowledgement and its silence go away within a poll.
  await alert.resolve();
  await expect
    .poll(async () => (await peerSilences()).find((s) => s.id === silenceId)?.status.state, {
      timeout: 20_000,
    })
    .toBe('expired');
  await expect(row).toBeHidden({ timeout: 20_000 });
});

test('un-acknowledge from the alert detail expires the silence at once', async ({ page }) => {
  test.setTimeout(90_000);
  const alert = testAlert(
    { alertname: 'VigilE2EUnack', instance: 'e2e-ack-2', severity: 'critical', job: 'e2e' },
    'Unack me',
  );
  await alert.fire();
  await signIn(page, E2E_USERS.responder, '/alerts?filter=alertname%3D%22VigilE2EUnack%22');
  const row = page.getByTestId('alert-row').filter({ hasText: 'VigilE2EUnack' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.getByRole('button', { name: 'Acknowledge VigilE2EUnack' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Acknowledge', exact: true }).click();
  await row.getByTestId('alert-link').click();
  const actions = page.getByTestId('alert-actions');
  await expect(actions.getByTestId('ack-status')).toContainText('Acknowledged by');
  await expect
    .poll(async () => (await peerAlerts('alertname="VigilE2EUnack"'))[0]?.status.silencedBy.length, {
      timeout: 10_000,
    })
    .toBe(1);
  const silenceId = (await peerAlerts('alertname="VigilE2EUnack"'))[0]?.status.silencedBy[0];
  await actions.getByRole('button', { name: 'Un-acknowledge' }).click();
  await expect(actions.getByRole('button', { name: 'Acknowledge', exact: true })).toBeVisible();
  await expect
    .poll(async () => (await peerSilences()).find((s) => s.id === silenceId)?.status.state, { timeout: 5000 })
    .toBe('expired');
  await alert.resolve();
});

test('a chat bot acknowledges with an API token; bad input and viewers are refused, and nothing is sent', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const alert = testAlert(
    { alertname: 'VigilE2EBot', instance: 'e2e-ack-3', severity: 'warning', job: 'e2e' },
    'Bot',
  );
  await alert.fire();
  await signIn(page, E2E_USERS.admin, '/');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const newToken = async (name: string, userId?: string) =>
    (
      (await (await page.request.post('/api/v1/tokens', { data: { name, userId } })).json()) as {
        token: string;
      }
    ).token;
  const users = (await (await page.request.get('/api/v1/users')).json()) as {
    users: { id: string; email: string }[];
  };
  const viewerId = users.users.find((u) => u.email === E2E_USERS.viewer.email)?.id;
  const bot = { authorization: `Bearer ${await newToken('ack-bot')}` };
  const viewer = { authorization: `Bearer ${await newToken('viewer-bot', viewerId)}` };

  const fingerprint = await polledFingerprint(request, 'VigilE2EBot', bot);

  const silencesBefore = (await peerSilences()).length;
  const refused = await request.post('/api/v1/silences', {
    headers: bot,
    data: { matchers: 'alertname=~"Vigil["', duration: '1h', comment: 'bad regex' },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.fields.matchers).toMatch(/regular expression/);
  expect((await request.post(`/api/v1/alerts/${fingerprint}/ack`, { headers: viewer })).status()).toBe(403);
  expect((await peerSilences()).length).toBe(silencesBefore);

  // A bare POST, as a chat bot sends it.
  const acked = await request.post(`/api/v1/alerts/${fingerprint}/ack`, { headers: bot });
  expect(acked.status()).toBe(201);
  const outcome = (await acked.json()) as { ackId: string; silenceId: string };
  expect(outcome.silenceId).toBeTruthy();
  const again = await request.post(`/api/v1/alerts/${fingerprint}/ack`, {
    headers: bot,
    data: { comment: 'me too' },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toContain('already acknowledged');
  const unacked = await request.delete(`/api/v1/alerts/${fingerprint}/ack`, { headers: bot });
  expect(unacked.status()).toBe(200);
  await alert.resolve();
});
