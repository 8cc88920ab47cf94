import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * The post-mortem journey: a responder opens an incident for a firing alert, opens its post-mortem
 * pre-filled from the incident's timeline, stars an event, writes the root cause (hostile HTML stays
 * text), adds an action item, takes it through review to published (read-only), downloads the
 * Markdown, and finds it on /postmortems with its open action item.
 */

test('write, review, publish and export a post-mortem', async ({ page }) => {
  test.setTimeout(120_000);
  const alert = testAlert(
    { alertname: 'VigilE2EPostmortem', instance: 'e2e-pm-1', severity: 'warning', job: 'e2e' },
    'Checkout down',
  );
  await alert.fire();
  await signIn(page, E2E_USERS.responder, '/postmortems');
  await expect(page.getByRole('heading', { name: 'Post-mortems', level: 1 })).toBeVisible();

  // The incident, through the API as a chat bot or script would open it, for the alert once polled.
  const fingerprint = await polledFingerprint(page.request, 'VigilE2EPostmortem');
  const created = await page.request.post('/api/v1/incidents', {
    data: { title: 'E2E checkout down', severity: 'critical', alerts: [fingerprint] },
  });
  expect(created.status()).toBe(201);
  const { ref } = (await created.json()) as { ref: string };

  // Pre-filled from the incident: summary and the timeline.
  await page.goto(`/incidents/${ref}/postmortem`);
  await expect(page.getByRole('heading', { name: `Post-mortem ${ref}` })).toBeVisible();
  await expect(page.getByText('Pre-filled from the incident, not saved yet.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Summary' })).toHaveValue(
    new RegExp(`^${ref} "E2E checkout down", a critical incident`),
  );
  await expect(page.getByRole('textbox', { name: 'Impact' })).toHaveValue(/VigilE2EPostmortem on e2e-pm-1/);
  const opened = page.getByTestId('timeline-event').filter({ hasText: 'opened the incident with 1 alert' });
  await expect(opened).toBeVisible();

  // Starring saves at once (and saves the template with it).
  await opened.getByRole('button', { name: /^Star: / }).click();
  await expect(opened.getByRole('button', { name: /^Unstar: / })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Pre-filled from the incident, not saved yet.')).toBeHidden();

  // The root cause, with Markdown and a payload that must stay text.
  await page
    .getByRole('textbox', { name: 'Root cause' })
    .fill('A config push **broke** checkout <img src=x onerror=alert(1)>');
  await page.getByRole('button', { name: 'Add action item' }).click();
  await page.getByLabel('Action item 1', { exact: true }).fill('Add a canary for config pushes');
  await page.getByLabel('Action item 1 owner').selectOption({ label: E2E_USERS.responder.email });
  await page.getByLabel('Action item 1 due date').fill('2026-12-31');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const rootCause = page.getByRole('region', { name: 'Root cause' });
  await rootCause.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('pm-rootCause-preview');
  await expect(preview.locator('strong')).toHaveText('broke');
  await expect(preview).toContainText('<img src=x onerror=alert(1)>');
  await expect(preview.locator('img')).toHaveCount(0);

  // Review, then publish: read-only afterwards, for the responder too.
  await page.getByRole('button', { name: 'Move to review' }).click();
  const status = page.getByTestId('postmortem-status');
  await expect(status).toContainText('In review');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(status).toContainText('Published');
  await expect(page.locator('textarea')).toHaveCount(0);
  await expect(page.getByText('an admin can reopen it')).toBeVisible();

  // The Markdown file: every section, the starred event marked, the payload escaped.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`postmortem-${ref}.md`);
  const markdown = await readFile((await download.path()) ?? '', 'utf8');
  expect(markdown).toContain(`# Post-mortem: ${ref} E2E checkout down`);
  for (const section of [
    'Summary',
    'Impact',
    'Detection',
    'Timeline',
    'Root cause',
    'Resolution',
    'What went well',
    'What went wrong',
    'Action items',
  ])
    expect(markdown).toContain(`\n## ${section}\n`);
  expect(markdown).toContain('- Status: Published');
  expect(markdown).toMatch(/★ \*\*.*opened the incident with 1 alert\*\*/);
  expect(markdown).toContain('A config push **broke** checkout &lt;img src=x onerror=alert(1)>');
  expect(markdown).toContain(
    `- [ ] Add a canary for config pushes (owner: ${E2E_USERS.responder.email}, due 2026-12-31)`,
  );

  // The list shows it published, and its action item among the open ones.
  await page.goto('/postmortems');
  await expect(page.getByTestId('postmortem-row').filter({ hasText: ref })).toContainText('Published');
  await expect(
    page.getByTestId('open-action-item').filter({ hasText: 'Add a canary for config pushes' }),
  ).toContainText(ref);

  await alert.resolve();
});
