import { type APIRequestContext, expect } from '@playwright/test';

/**
 * Alerts of a spec's own, posted to both Alertmanagers of the e2e stack as Prometheus would, so a spec
 * can acknowledge, silence and resolve them without touching the alerts other specs rely on.
 */

const peers = () => {
  const urls = process.env.VIGIL_E2E_ALERTMANAGER_URLS;
  if (!urls)
    throw new Error('VIGIL_E2E_ALERTMANAGER_URLS is not set: run the specs through Playwright global setup');
  return urls.split(',');
};

async function post(alerts: unknown[]): Promise<void> {
  for (const peer of peers()) {
    const res = await fetch(`${peer}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    expect(res.ok, `POST ${peer}/api/v2/alerts answered ${res.status}`).toBe(true);
  }
}

/**
 * `startedMsAgo`: how long ago it started. Alertmanager merges a firing that starts before the previous
 * one of the same labels ended into that one, so an alert that is to fire anew after a resolution must
 * start after it (0).
 */
export function testAlert(labels: Record<string, string>, summary: string, startedMsAgo = 60_000) {
  const startsAt = new Date(Date.now() - startedMsAgo).toISOString();
  const alert = (endsAt: string) => ({ labels, annotations: { summary }, startsAt, endsAt });
  return {
    fire: () => post([alert(new Date(Date.now() + 3_600_000).toISOString())]),
    resolve: () => post([alert(new Date().toISOString())]),
  };
}

type AmAlert = { labels: Record<string, string>; status: { state: string; silencedBy: string[] } };
type AmSilence = { id: string; status: { state: string }; comment: string; createdBy: string };

/** The alerts the first peer holds for a matcher such as `alertname="X"`. */
export async function peerAlerts(matcher: string): Promise<AmAlert[]> {
  const res = await fetch(`${peers()[0]}/api/v2/alerts?filter=${encodeURIComponent(matcher)}`);
  return (await res.json()) as AmAlert[];
}

/** Every silence the second peer holds (it has the first peer's by gossip). */
export async function peerSilences(): Promise<AmSilence[]> {
  const res = await fetch(`${peers()[1]}/api/v2/silences`);
  return (await res.json()) as AmSilence[];
}

/**
 * The fingerprint of the alert named `alertname` once Vigil has polled it, read through the alerts API
 * with the given request context (a signed-in page's, or one with a token in `headers`).
 */
export async function polledFingerprint(
  request: APIRequestContext,
  alertname: string,
  headers: Record<string, string> = {},
): Promise<string> {
  let fingerprint = '';
  await expect
    .poll(
      async () => {
        const filter = encodeURIComponent(`alertname="${alertname}"`);
        const res = await request.get(`/api/v1/alerts?filter=${filter}`, { headers });
        // Not yet (a sign-in still settling answers 401): asked again until the timeout, which then
        // shows the last answer.
        if (!res.ok()) return `HTTP ${res.status()}: ${await res.text()}`;
        fingerprint =
          ((await res.json()) as { alerts: { fingerprint: string }[] }).alerts[0]?.fingerprint ?? '';
        return fingerprint;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^[0-9a-f]+$/);
  return fingerprint;
}
