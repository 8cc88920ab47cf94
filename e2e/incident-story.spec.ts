import { expect, test } from '@playwright/test';
import { testAlert } from './alert-pair';
import { fillHydrated } from './hydrated';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * The whole story on one timeline: an incident opened for a firing alert, a note, a runbook step
 * ticked for the incident, a manual escalation, the acknowledgement and the resolution, then the
 * post-mortem written from that timeline, published and exported.
 */
test('note, runbook step, escalation, acknowledgement and resolution land on one timeline and in the post-mortem', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const alert = testAlert(
    { alertname: 'HighCPUUsage', instance: 'e2e-story-1:9100', severity: 'warning', job: 'node' },
    'CPU above 90 % on e2e-story-1',
  );
  await alert.fire();
  await signIn(page, E2E_USERS.responder, '/alerts?filter=instance%3D%22e2e-story-1%3A9100%22');
  const row = page.getByTestId('alert-row').filter({ hasText: 'HighCPUUsage' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.getByTestId('alert-link').click();
  await page.getByTestId('alert-actions').getByRole('button', { name: 'Open incident' }).click();
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  const ref = /INC-\d+/.exec(page.url())?.[0] ?? '';
  const timeline = page.getByTestId('incident-timeline');

  await page.getByLabel('Add a note (Markdown)').fill('Load from the **nightly report** job');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(timeline).toContainText('added a note');

  // The runbook, opened from the incident for its alert: a tick is stored and lands on the timeline.
  await page.getByTestId('incident-runbook').filter({ hasText: 'High CPU usage' }).click();
  await expect(page).toHaveURL(new RegExp(`/runbooks/high-cpu-usage\\?alert=\\w+&incident=${ref}$`));
  const step = page.getByLabel('See which kind of CPU time grows');
  // The box follows the stored state: it shows ticked once the server has recorded the step.
  await step.click();
  await expect(step).toBeChecked();
  await page.reload();
  await expect(page.getByLabel('See which kind of CPU time grows')).toBeChecked();

  await page.goto(`/incidents/${ref}`);
  await expect(timeline).toContainText('See which kind of CPU time grows');
  const escalate = page.getByTestId('escalate-control');
  await fillHydrated(escalate.getByLabel('Reason'), 'needs the database team');
  await escalate.getByRole('button', { name: 'Escalate', exact: true }).click();
  await expect(timeline).toContainText(/escalated to L\d.*needs the database team/);
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByTestId('incident-status')).toHaveText('acknowledged');

  // The cause goes away; the incident is resolved.
  await alert.resolve();
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/v1/incidents/${ref}`);
        return ((await res.json()) as { suggestResolve: boolean }).suggestResolve;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const resolved = await page.request.patch(`/api/v1/incidents/${ref}`, { data: { status: 'resolved' } });
  expect(resolved.status()).toBe(200);

  // The post-mortem is mostly written before anyone types: its timeline has the story.
  const draft = await page.request.get(`/api/v1/incidents/${ref}/postmortem`);
  const text = JSON.stringify(await draft.json());
  for (const part of [
    'HighCPUUsage',
    'note',
    'See which kind of CPU time grows',
    'needs the database team',
    'acknowledged',
  ])
    expect(text).toContain(part);
  const md = await page.request.get(`/api/v1/incidents/${ref}/postmortem.md`);
  expect(md.status()).toBe(200);
  expect(await md.text()).toContain('See which kind of CPU time grows');
});
