import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * A schedule made and changed from the console, as a new team lead would: a weekly rotation of three
 * people handing off at 09:00 Europe/Brussels, an override added and removed, the hand-off moved.
 */

test('create a team and its weekly rotation of three in the console, add and remove an override, edit it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const slug = `e2e-ui-${Date.now().toString(36)}`;
  await signIn(page, E2E_USERS.admin, '/schedules');
  await page.getByRole('link', { name: 'Teams' }).click();
  await page.getByRole('button', { name: 'New team' }).click();
  const teamDialog = page.getByRole('dialog', { name: 'New team' });
  await teamDialog.getByLabel('Team name').fill(`E2E UI team ${slug}`);
  await teamDialog.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`E2E UI team ${slug}`);
  await page.getByLabel('Person to add').selectOption({ label: 'Ann Oncall' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const members = page.getByTestId('team-members');
  await expect(members).toContainText('Ann Oncall');
  await members.getByRole('button', { name: 'Make team admin' }).click();
  await expect(members).toContainText('team admin');

  await page.goto('/schedules');
  await page.getByRole('link', { name: 'New schedule' }).click();
  await expect(page.getByRole('heading', { name: 'New schedule' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('E2E UI rotation');
  await page.getByLabel('Slug (in URLs and YAML)').fill(slug);
  await page.getByLabel("Schedule's time zone").fill('Europe/Brussels');
  await page.getByLabel('Team', { exact: true }).selectOption({ label: `E2E UI team ${slug}` });
  const layer = page.getByTestId('layer-fields');
  await layer.getByLabel('Rotation').selectOption('weekly');
  await layer.getByLabel('Hand-off time', { exact: true }).fill('09:00');
  await layer.getByLabel('Hand-off time zone').fill('Europe/Brussels');
  await layer.getByLabel('First hand-off date').fill('2027-03-22');
  for (const name of ['Ann Oncall', 'Bob Oncall', 'Cat Oncall'])
    await layer.getByLabel('Add a person to layer 1').selectOption({ label: name });
  await expect(layer.getByRole('list', { name: 'Layer 1 participants' })).toHaveText(
    /1\. Ann Oncall.*2\. Bob Oncall.*3\. Cat Oncall/s,
  );
  await page.getByRole('button', { name: 'Create schedule' }).click();

  await expect(page).toHaveURL(new RegExp(`/schedules/${slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E UI rotation');
  await expect(page.getByText(`Team E2E UI team ${slug}`)).toBeVisible();
  await expect(page.getByText('Ann Oncall → Bob Oncall → Cat Oncall')).toBeVisible();
  await expect(page.getByText('Weekly, hand-off 09:00 Europe/Brussels, from 2027-03-22')).toBeVisible();

  // An override, typed in the zone the page shows times in, which the fields name: the browser's (UTC in
  // these tests), as the admin's profile is left at UTC.
  await page.getByRole('button', { name: 'Add override' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an override' });
  await dialog.getByLabel('Who covers').selectOption({ label: 'Cat Oncall' });
  await dialog.getByLabel('From (UTC)').fill('2027-03-23T10:00');
  await dialog.getByLabel('Until (UTC)').fill('2027-03-23T12:00');
  await dialog.getByRole('button', { name: 'Add override' }).click();
  await expect(dialog).toBeHidden();
  const override = page.getByTestId('override-item').filter({ hasText: 'Cat Oncall' });
  await expect(override).toContainText('2027-03-23 10:00');
  await override.getByRole('button', { name: 'Remove the override of Cat Oncall' }).click();
  await expect(page.getByTestId('override-item')).toHaveCount(0);

  // A calendar subscription: the URL is shown once and answers iCalendar until it is revoked.
  await page.getByRole('button', { name: 'Subscribe in your calendar' }).click();
  const url = (await page.getByTestId('calendar-feed-url').locator('code').textContent()) ?? '';
  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await page.getByRole('button', { name: /^Revoke the feed / }).click();
  await expect(page.getByRole('button', { name: /^Revoke the feed / })).toHaveCount(0);
  expect((await page.request.get(url)).status()).toBe(404);

  await page.getByRole('link', { name: 'Edit schedule' }).click();
  await page.getByTestId('layer-fields').getByLabel('Hand-off time', { exact: true }).fill('10:00');
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page).toHaveURL(new RegExp(`/schedules/${slug}$`));
  await expect(page.getByText('Weekly, hand-off 10:00 Europe/Brussels, from 2027-03-22')).toBeVisible();

  await page.goto('/schedules');
  await expect(page.getByTestId('schedule-list')).toContainText('E2E UI rotation');
});

test('a responder who is no team’s admin is told so on the new-schedule page, before any form', async ({
  page,
}) => {
  await signIn(page, E2E_USERS.contacts, '/schedules/new');
  await expect(page.getByRole('heading', { name: 'New schedule' })).toBeVisible();
  await expect(page.getByTestId('no-team-to-schedule')).toContainText('You are not an admin of any team');
  await expect(page.getByRole('button', { name: 'Create schedule' })).toHaveCount(0);
});
