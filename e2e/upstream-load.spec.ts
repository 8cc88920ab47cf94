import { type APIRequestContext, expect, test } from '@playwright/test';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/** Requests Vigil made to Alertmanager's /api/v2/alerts so far, from its own /metrics. */
async function alertmanagerAlertReads(request: APIRequestContext): Promise<number> {
  const text = await (await request.get('/metrics')).text();
  return [
    ...text.matchAll(
      /^vigil_upstream_requests_total\{source="alertmanager",name="[^"]+",endpoint="\/api\/v2\/alerts",outcome="\w+"\} (\d+)/gm,
    ),
  ]
    .map((m) => Number(m[1]))
    .reduce((a, b) => a + b, 0);
}

test('150 concurrent reads of the alerts API cost at most one Alertmanager request per peer per interval', async ({
  page,
}) => {
  await signIn(page, E2E_USERS.viewer);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const api = page.request;
  const before = await alertmanagerAlertReads(api);
  const started = Date.now();
  for (let round = 0; round < 3; round++) {
    const answers = await Promise.all(Array.from({ length: 50 }, () => api.get('/api/v1/alerts')));
    expect(answers.every((a) => a.status() === 200)).toBe(true);
  }
  const elapsedSeconds = (Date.now() - started) / 1000;
  const after = await alertmanagerAlertReads(api);
  // The poller reads each of the 2 peers once per 10 s interval, whoever asks; allow the interval
  // boundary to fall inside the measurement.
  const allowed = 2 * (Math.ceil(elapsedSeconds / 10) + 1);
  expect(after - before).toBeLessThanOrEqual(allowed);
  const body = await (await api.get('/api/v1/alerts')).json();
  expect(body.upstreams[0]).toMatchObject({ cluster: 'default', error: null });
  expect(body.upstreams[0].peers).toHaveLength(2);
});
