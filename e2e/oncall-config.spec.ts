import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * The on-call configuration on the Admin page: Export YAML downloads the file; a pasted file is
 * checked first (a dry run lists the changes, and a bad reference names its path), then applied.
 */

test('an admin exports the on-call YAML, checks a pasted file and applies it', async ({ page }) => {
  await signIn(page, E2E_USERS.admin, '/admin');
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export YAML' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('vigil-oncall.yaml');
  const exported = await readFile(await file.path(), 'utf8');
  expect(exported).toContain('version: 1');
  expect(exported).toMatch(/- name: default\n {4}default: true/);

  const pasted = page.getByLabel('Import YAML (paste the file)');
  const apply = page.getByRole('button', { name: 'Apply' });
  await pasted.fill(
    'teams:\n  - slug: e2e-config\n    name: E2E config\n    members:\n      - email: nobody@e2e.test\n',
  );
  await page.getByRole('button', { name: 'Check changes' }).click();
  await expect(page.getByTestId('oncall-import-error')).toContainText('teams[0].members[0].email');
  await expect(apply).toBeDisabled();

  await pasted.fill(
    `teams:\n  - slug: e2e-config\n    name: E2E config\n    members:\n      - email: ${E2E_USERS.responder.email}\n        admin: true\n`,
  );
  await page.getByRole('button', { name: 'Check changes' }).click();
  const changes = page.getByTestId('oncall-import-changes');
  await expect(changes).toContainText('Would change (nothing written yet)');
  await expect(changes).toContainText('created e2e-config');
  expect((await (await page.request.get('/api/v1/teams')).json()).teams).not.toContainEqual(
    expect.objectContaining({ slug: 'e2e-config' }),
  );

  await apply.click();
  await expect(changes).toContainText('Imported');
  await expect(changes).toContainText('created e2e-config');
  expect((await (await page.request.get('/api/v1/teams')).json()).teams).toContainEqual(
    expect.objectContaining({ slug: 'e2e-config', memberCount: 1 }),
  );
});
