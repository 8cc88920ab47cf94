import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { mailbox } from './mailbox';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * Contact methods on a phone-sized /people/me: an e-mail method whose test arrives in the e2e SMTP sink
 * (aiosmtpd), and an ntfy method pointed at a fake ntfy server this spec starts, whose test arrives as
 * ntfy's JSON publish with the access token. The list never shows the topic or the token.
 */

test.use({ viewport: { width: 390, height: 844 } });

type Published = { path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };

/** A fake ntfy server: records each publish and answers 200 as ntfy does. */
async function startFakeNtfy() {
  const published: Published[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString('utf8');
    });
    req.on('end', () => {
      published.push({ path: req.url ?? '/', headers: req.headers, body: JSON.parse(text || '{}') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"e2e","event":"message"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    published,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Opens the add dialog (retried: a click before hydration does nothing) and adds one method. */
async function addMethod(page: Page, kind: string, fields: Record<string, string>) {
  const dialog = page.getByRole('dialog', { name: 'Add a contact method' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Add a contact method' }).click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  await dialog.getByLabel('Kind').selectOption({ label: kind });
  for (const [label, value] of Object.entries(fields))
    await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('add an e-mail and an ntfy contact method on my profile and receive their tests', async ({ page }) => {
  test.setTimeout(90_000);
  const ntfy = await startFakeNtfy();
  try {
    await signIn(page, E2E_USERS.contacts, '/people/me');
    const card = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Contact methods' }) });
    // The e2e console sends e-mail: until a method is verified, pages go to the account's address.
    const fallback = card.getByTestId('contact-fallback');
    await expect(fallback).toHaveText(
      `None yet: pages go to your account e-mail, ${E2E_USERS.contacts.email}.`,
    );

    const address = `cora-${Date.now().toString(36)}@e2e.test`;
    await addMethod(page, 'E-mail', { 'E-mail address': address });
    const email = page.getByTestId('contact-method').filter({ hasText: address });
    await expect(email).toContainText('not verified');
    await expect(fallback).toHaveText(
      `None verified yet: pages go to your account e-mail, ${E2E_USERS.contacts.email}.`,
    );
    await email.getByRole('button', { name: 'Send me a test on E-mail' }).click();
    await expect(email.getByTestId('contact-test-result')).toHaveText('Sent. Check that it arrived.');
    await expect(email).toContainText('verified');
    await expect(email).not.toContainText('not verified');
    await expect(fallback).toHaveCount(0);
    await expect
      .poll(async () => (await mailbox()).find((m) => m.includes(`To: ${address}`)) ?? '')
      .toContain('Test from Vigil');

    await addMethod(page, 'ntfy', {
      'Label (optional)': 'Phone',
      'Topic URL': `${ntfy.url}/cora-pages-e2e`,
      'Access token': 'tk_e2e_secret',
    });
    const phone = page.getByTestId('contact-method').filter({ hasText: 'Phone' });
    await expect(phone).toContainText('127.0.0.1');
    await expect(phone).not.toContainText('cora-pages-e2e');
    await phone.getByRole('button', { name: 'Send me a test on Phone' }).click();
    await expect(phone.getByTestId('contact-test-result')).toHaveText('Sent. Check that it arrived.');
    expect(ntfy.published).toHaveLength(1);
    expect(ntfy.published[0]?.path).toBe('/');
    expect(ntfy.published[0]?.headers.authorization).toBe('Bearer tk_e2e_secret');
    expect(ntfy.published[0]?.body).toMatchObject({
      topic: 'cora-pages-e2e',
      title: 'Test from Vigil',
      priority: 3,
      click: expect.stringMatching(/\/people\/me$/),
    });
    expect(await page.content()).not.toContain('tk_e2e_secret');

    // How to page me: high urgency by ntfy at once, then the account's e-mail after 5 minutes.
    const rules = page.getByTestId('rules-high');
    await expect(rules).toContainText('No steps: every verified method at once.');
    await rules.getByRole('button', { name: 'Add a step' }).click();
    const phoneOption = rules.locator('option', { hasText: 'Phone' });
    const phoneValue = (await phoneOption.getAttribute('value')) ?? '';
    await rules.getByLabel('minutes, use').first().selectOption(phoneValue);
    await rules.getByRole('button', { name: 'Add a step' }).click();
    await rules.getByLabel('minutes, use').nth(1).selectOption('email');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.reload();
    const saved = page.getByTestId('rules-high');
    await expect(saved.getByLabel('minutes, use').first()).toHaveValue(phoneValue);
    await expect(saved.getByLabel('minutes, use').nth(1)).toHaveValue('email');
    await expect(saved.getByLabel('After').nth(1)).toHaveValue('5');
  } finally {
    await ntfy.close();
  }
});
