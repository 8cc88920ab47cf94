import { expect, type Page, test } from '@playwright/test';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * An admin sets up escalation for a team from the console: a policy that first pages whoever is on call
 * on a schedule, then a named person; a route sending `team="e2e-db"` alerts to it; the route tester
 * shows which route and policy labels take (before and after moving the route to the top), and the
 * default route takes what no route matches.
 */

const POLICY = 'E2E DB escalation';
const ROUTE = 'e2e-db';

async function testLabels(page: Page, labels: string) {
  const tester = page.getByRole('region', { name: 'Which route and policy would these labels take?' });
  await tester.getByLabel('An alert’s labels').fill(labels);
  await tester.getByRole('button', { name: 'Test' }).click();
  return tester.getByTestId('route-test-result');
}

test('create a two-level policy and a route, test labels against the routes, reorder them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, E2E_USERS.admin, '/escalation');
  await expect(page.getByRole('heading', { name: 'Escalation', level: 1 })).toBeVisible();

  // The schedule the first level pages, made through the API: one daily layer with the admin on it.
  const me = (await (await page.request.get('/api/v1/me')).json()) as { id: string; email: string };
  const schedule = await page.request.post('/api/v1/schedules', {
    data: {
      slug: 'e2e-db-primary',
      name: 'E2E DB primary',
      timeZone: 'Europe/Brussels',
      layers: [
        {
          name: 'Primary',
          rotation: 'daily',
          handoffTime: '09:00',
          timeZone: 'Europe/Brussels',
          startDate: '2026-01-05',
          participants: [me.id],
        },
      ],
    },
  });
  expect(schedule.status(), await schedule.text()).toBe(201);
  const { id: scheduleId } = (await schedule.json()) as { id: string };

  // The config-managed default policy is listed first, marked.
  const list = page.getByTestId('policy-list');
  await expect(list.getByRole('listitem').first()).toContainText('from VIGIL_CONFIG');

  await page.getByRole('button', { name: 'New policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'New escalation policy' });
  await dialog.getByLabel('Name', { exact: true }).fill(POLICY);
  const levels = dialog.getByTestId('level-editor');
  await levels.nth(0).getByLabel('Level name').fill('DB on call');
  await levels.nth(0).getByLabel('Add whom to page').selectOption({ label: 'E2E DB primary' });
  await expect(levels.nth(0).getByRole('button', { name: 'Remove On call on E2E DB primary' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Add level' }).click();
  await levels.nth(1).getByLabel('Level name').fill('DB lead');
  await levels.nth(1).getByLabel('Wait after the previous level (min)').fill('10');
  await levels
    .nth(1)
    .getByLabel('Add whom to page')
    .selectOption({ value: `user:${me.id}` });
  await dialog.getByRole('button', { name: 'Create policy' }).click();

  // The new policy's page: its steps in order, by name, with the wait between them.
  await expect(page).toHaveURL(/\/escalation\/policies\//);
  await expect(page.getByRole('heading', { name: POLICY, level: 1 })).toBeVisible();
  const steps = page.getByTestId('policy-step');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('L1 DB on call');
  await expect(steps.nth(0).getByRole('link', { name: 'E2E DB primary' })).toHaveAttribute(
    'href',
    `/schedules/${scheduleId}`,
  );
  await expect(steps.nth(0).getByTestId('wait-before-next')).toHaveText('↓ then wait 10 min');
  await expect(steps.nth(1)).toContainText('L2 DB lead');
  await expect(steps.nth(1)).toContainText('10 min after it opens');
  await expect(page.getByTestId('policy-repeat')).toContainText('Runs once.');

  // The list sums it up in one line.
  await page.goto('/escalation');
  await expect(
    page
      .getByTestId('policy-list')
      .getByRole('listitem')
      .filter({ hasText: POLICY })
      .getByTestId('levels-summary'),
  ).toHaveText('L1 DB on call now → L2 DB lead +10 min');

  // A route for the team's alerts, tried after the routes already there.
  await page.getByRole('link', { name: 'Routes', exact: true }).click();
  await expect(page).toHaveURL(/tab=routes/);
  await page.getByRole('button', { name: 'New route' }).click();
  const routeDialog = page.getByRole('dialog', { name: 'New route' });
  await routeDialog.getByLabel('Name (letters, digits, - _ .)').fill(ROUTE);
  await routeDialog.getByLabel('Matchers, one per line').fill('team="e2e-db"');
  await routeDialog.getByLabel('Escalation policy').selectOption({ label: POLICY });
  await routeDialog.getByRole('button', { name: 'Create route' }).click();
  await expect(routeDialog).toBeHidden();
  const items = page.getByTestId('route-item');
  const ours = items.filter({ hasText: ROUTE });
  await expect(ours).toContainText('team="e2e-db"');
  await expect(ours.getByRole('link', { name: POLICY })).toBeVisible();
  // The default route is last and marked.
  await expect(items.last()).toContainText('default');
  await expect(items.last()).toContainText('Every alert no route above took');

  // Admins move it to the top, so it is tried before the routes made earlier (the seeded
  // auto-incident route also takes severity="critical").
  const order = () => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-route')));
  for (let at = (await order()).indexOf(ROUTE); at > 0; at -= 1) {
    // A click waits for the button to be enabled again after the previous move.
    await page.getByRole('button', { name: `Move ${ROUTE} up` }).click();
    await expect.poll(async () => (await order()).indexOf(ROUTE)).toBe(at - 1);
  }
  await expect(items.first()).toHaveAttribute('data-route', ROUTE);
  await expect(items.first()).toContainText('#1');
  await page.reload();
  await expect(page.getByTestId('route-item').first()).toHaveAttribute('data-route', ROUTE);

  let result = await testLabels(page, 'team="e2e-db", severity="critical"');
  await expect(result.getByTestId('tested-route')).toHaveText(ROUTE);
  await expect(result.getByTestId('tested-policy')).toHaveText(POLICY);
  await expect(result.getByTestId('tested-matchers')).toHaveText('team="e2e-db"');

  result = await testLabels(page, '{team="other"}');
  await expect(result.getByTestId('tested-route')).toContainText('(default)');
  await expect(result.getByTestId('tested-matchers')).toContainText('the default route takes it');

  // Moving it back down one place is the same call the other way.
  await page.getByRole('button', { name: `Move ${ROUTE} down` }).click();
  await expect(page.getByTestId('route-item').nth(1)).toHaveAttribute('data-route', ROUTE);

  // A policy a route uses cannot be deleted: the API's message says which route.
  await ours.getByRole('link', { name: POLICY }).click();
  await page.getByRole('button', { name: 'Delete policy' }).click();
  await page.getByRole('button', { name: `Delete ${POLICY} for good` }).click();
  await expect(page.getByRole('alert').filter({ hasText: `"${ROUTE}"` })).toBeVisible();

  // An incident declared by hand takes no route and escalates by the default policy; its page says
  // so and whom the next step will page.
  const declared = await page.request.post('/api/v1/incidents', {
    data: { title: 'E2E escalation declared', severity: 'warning' },
  });
  expect(declared.status(), await declared.text()).toBe(201);
  const { ref } = (await declared.json()) as { ref: string };
  try {
    await page.goto(`/incidents/${ref}`);
    await expect(page.getByTestId('incident-route')).toHaveText('none');
    await expect(page.getByTestId('incident-policy').getByRole('link', { name: 'default' })).toBeVisible();
    await expect(page.getByTestId('next-escalation-pages')).toHaveText(/^It will page .+\.$/);
  } finally {
    await page.request.patch(`/api/v1/incidents/${ref}`, { data: { status: 'resolved' } });
  }
});

test('a viewer sees policies and routes but no buttons that change them', async ({ page }) => {
  await signIn(page, E2E_USERS.viewer, '/escalation?tab=routes');
  await expect(page.getByTestId('route-item').last()).toContainText('default');
  await expect(page.getByRole('button', { name: 'New route' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Move .* up$/ })).toHaveCount(0);
  const result = await testLabels(page, 'team="nobody-routes-this"');
  await expect(result.getByTestId('tested-route')).toContainText('(default)');
  await page.getByRole('link', { name: 'Policies', exact: true }).click();
  await expect(page.getByRole('button', { name: 'New policy' })).toHaveCount(0);
});

test('a responder who is no team’s admin is offered no New policy, New route or Edit, which only a 403 would answer', async ({
  page,
}) => {
  await signIn(page, E2E_USERS.contacts, '/escalation');
  await expect(page.getByTestId('policy-list').getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'New policy' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Routes', exact: true }).click();
  await expect(page.getByTestId('route-item').last()).toContainText('default');
  await expect(page.getByRole('button', { name: 'New route' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
});
