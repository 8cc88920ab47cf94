import { expect, type Page, test } from '@playwright/test';
import { polledFingerprint, testAlert } from './alert-pair';
import { createWeeklyRotation, userIds } from './schedules';
import { signIn } from './sign-in';
import { E2E_USERS } from './users';

/**
 * The console works under its Content-Security-Policy (issue 13): every page renders and hydrates with
 * no violation reported, neither as a `securitypolicyviolation` event nor in the console, and pages and
 * API answers carry the security headers (lib/http/security-headers.ts).
 */

type Violation = { directive: string; blocked: string; source: string };
/** A page and the heading that shows it rendered (level 1 unless said). */
type Visit = [path: string, heading: RegExp, level?: number];

/** Collects the page's CSP violations: the events each document fires, and Chromium's console reports. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  // Added by the browser's debugging protocol, so the policy does not apply to this script itself.
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile }),
    );
  });
  return async () => {
    const events = await page.evaluate(
      () => (window as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? [],
    );
    const found = [...fromConsole, ...events.map((v) => `${v.directive} blocked ${v.blocked} (${v.source})`)];
    fromConsole.length = 0;
    return found;
  };
}

/** Opened, rendered (its heading), hydrated (Next's inline scripts ran), and no violation on the way. */
async function expectClean(
  page: Page,
  [path, heading, level = 1]: Visit,
  violations: () => Promise<string[]>,
) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level, name: heading }), path).toBeVisible();
  // `self.__next_f` is filled by Next's inline scripts, which run only with the nonce.
  expect(await page.evaluate(() => '__next_f' in self), `${path}: Next's scripts ran`).toBe(true);
  expect(await violations(), path).toEqual([]);
}

test('every console page renders and hydrates under the CSP, with no violation', async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await watchViolations(page);
  const alert = testAlert(
    { alertname: 'VigilE2ECsp', instance: 'e2e-csp-1', severity: 'warning', job: 'e2e' },
    'CSP check',
  );
  await alert.fire();

  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => '__next_f' in self), "/signin: Next's scripts ran").toBe(true);
  expect(await violations(), '/signin').toEqual([]);
  await signIn(page, E2E_USERS.admin, '/');
  await expect(page).not.toHaveURL(/\/signin/);

  const fingerprint = await polledFingerprint(page.request, 'VigilE2ECsp');
  const created = await page.request.post('/api/v1/incidents', {
    data: { title: 'E2E CSP check', severity: 'warning', alerts: [fingerprint] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { ref } = (await created.json()) as { ref: string };
  const schedule = await createWeeklyRotation(page.request, {
    slug: `e2e-csp-${Date.now().toString(36)}`,
    name: 'CSP rotation',
    people: await userIds(page.request, [E2E_USERS.admin.email]),
    startDate: '2026-11-30',
  });
  const policies = (await (await page.request.get('/api/v1/policies')).json()) as {
    policies: { id: string }[];
  };
  const [defaultPolicy] = policies.policies;
  // An acknowledge link's page, outside the console layout (opening it changes nothing).
  const links = await page.request.post(`/api/v1/incidents/${ref}/action-links`);
  expect(links.status(), await links.text()).toBe(200);
  const linkPath = new URL(((await links.json()) as { acknowledgeUrl: string }).acknowledgeUrl).pathname;

  try {
    const pages: Visit[] = [
      ['/', /Overview/],
      ['/alerts', /Alerts/],
      // The detail is fetched by the browser from our API (connect-src).
      [`/alerts/${fingerprint}`, /VigilE2ECsp/, 2],
      ['/silences', /Silences/],
      ['/incidents', /Incidents/],
      [`/incidents/${ref}`, /E2E CSP check/],
      [`/incidents/${ref}/postmortem`, /Post-mortem/],
      // Policies and routes are fetched by the browser from our API (connect-src).
      ['/escalation', /Escalation/],
      ['/escalation?tab=routes', /Escalation/],
      [`/escalation/policies/${defaultPolicy?.id}`, /^default$/],
      ['/postmortems', /Post-mortems/],
      ['/runbooks', /Runbooks/],
      ['/runbooks/instance-down', /Instance down/],
      // Report data and recharts are fetched by the browser (connect-src, script-src).
      ['/reports', /Reports/],
      ['/history', /History/],
      ['/admin', /Admin/],
      ['/admin/audit', /Audit log/],
      ['/tokens', /API tokens/],
      ['/oncall', /On call/],
      ['/schedules', /Schedules/],
      // Teams and people are fetched by the browser from our API (connect-src).
      ['/schedules/new', /New schedule/],
      ['/teams', /Teams/],
      ['/people/me', /Admin|admin@/],
      // The shifts are fetched by the browser from our API (connect-src).
      [`/schedules/${schedule.slug}`, /CSP rotation/],
      [linkPath, /E2E CSP check/],
    ];
    for (const visit of pages) await expectClean(page, visit, violations);
  } finally {
    await page.request.patch(`/api/v1/incidents/${ref}`, { data: { status: 'resolved' } });
    await alert.resolve();
  }
});

test('pages and API answers carry the security headers', async ({ page, request }) => {
  await signIn(page, E2E_USERS.viewer, '/alerts');
  await expect(page).toHaveURL(/\/alerts/);

  const nonceOf = async () => {
    const res = await page.request.get('/alerts');
    const headers = res.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // Served over http here: no HSTS.
    expect(headers['strict-transport-security']).toBeUndefined();
    const policy = headers['content-security-policy'] ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    const scripts = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scripts).not.toContain("'unsafe-inline'");
    return /'nonce-([^']+)'/.exec(scripts)?.[1];
  };
  const first = await nonceOf();
  expect(first).toBeTruthy();
  expect(await nonceOf()).not.toBe(first);

  for (const res of [
    await page.request.get('/api/v1/me'),
    await request.get('/api/v1/me'),
    await request.get('/api/health'),
    await request.get('/metrics'),
  ]) {
    const headers = res.headers();
    expect(headers['content-security-policy'], res.url()).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(headers['x-content-type-options'], res.url()).toBe('nosniff');
    expect(headers['referrer-policy'], res.url()).toBe('strict-origin-when-cross-origin');
  }

  // Behind a TLS proxy (X-Forwarded-Proto: https), every answer also pins https.
  for (const path of ['/api/health', '/signin']) {
    const res = await request.get(path, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers()['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
  }
});
