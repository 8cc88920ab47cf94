import { expect, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';
import { expectNoHorizontalOverflow } from './viewport';

/**
 * Acknowledge from the notification (issue 16): a responder's phone link for an incident, copied with
 * "Copy phone link" on the incident page (clipboard permission granted) and opened on a 390 px phone
 * with no session at all, shows the incident and acknowledges it with one tap; the console then shows
 * the incident acknowledged "via link". Opening the link alone changes nothing.
 */

test.use({ viewport: { width: 390, height: 844 } });

test('a phone link acknowledges the incident with one tap, without signing in', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A warning, so the webhook's auto-open (severity=critical by default) leaves it alone.
  const alert = testAlert(
    { alertname: 'VigilE2EActionLink', instance: 'e2e-link-1', severity: 'warning', job: 'e2e' },
    'Checkout latency high',
  );
  await alert.fire();
  await signIn(page, E2E_USERS.responder, '/incidents');
  await expect(page).not.toHaveURL(/signin/);
  const fingerprint = await polledFingerprint(page.request, 'VigilE2EActionLink');
  const created = await page.request.post('/api/v1/incidents', {
    data: { title: 'Checkout latency (e2e link)', alerts: [{ fingerprint }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { ref } = (await created.json()) as { ref: string };
  // The responder copies their phone link from the incident page.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/incidents/${ref}`);
  await page.getByRole('button', { name: 'Copy phone link' }).click();
  await expect(page.getByTestId('copy-phone-link').getByRole('status')).toHaveText(
    'Phone link copied: open it on your phone to acknowledge without signing in.',
  );
  const acknowledgeUrl = await page.evaluate(() => navigator.clipboard.readText());
  expect(acknowledgeUrl).toMatch(/\/a\/[\w-]+\.[\w-]+$/);
  const linkPath = new URL(acknowledgeUrl).pathname;

  try {
    // The phone: a fresh browser context, no cookies.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    const tab = await phone.newPage();
    await tab.goto(linkPath);
    await expect(tab).not.toHaveURL(/signin/);
    await expect(tab.getByRole('heading', { level: 1 })).toContainText(`${ref} Checkout latency (e2e link)`);
    await expect(tab.getByText('open', { exact: true })).toBeVisible();
    await expectNoHorizontalOverflow(tab);
    // Opening the page (as a mail scanner would) acknowledged nothing.
    const before = await page.request.get(`/api/v1/incidents/${ref}`);
    expect(((await before.json()) as { status: string }).status).toBe('open');

    const button = tab.getByRole('button', { name: `Acknowledge ${ref}` });
    const box = await button.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await button.tap();
    await expect(tab.getByText(`${ref} acknowledged by ${E2E_USERS.responder.email}`)).toBeVisible();
    // The badge says so too, without a reload.
    await expect(tab.getByText('acknowledged', { exact: true })).toBeVisible();
    await expect(tab.getByText('open', { exact: true })).toHaveCount(0);

    // Opened again, the link no longer acts.
    await tab.reload();
    await expect(tab.getByText(/has since been acknowledged/)).toBeVisible();
    await expect(tab.getByRole('button', { name: /Acknowledge/ })).toHaveCount(0);
    await phone.close();

    await page.goto(`/incidents/${ref}`);
    await expect(page.getByTestId('incident-timeline')).toContainText('acknowledged the incident via link');
  } finally {
    await page.request.patch(`/api/v1/incidents/${ref}`, { data: { status: 'resolved' } });
    await alert.resolve();
  }
});
