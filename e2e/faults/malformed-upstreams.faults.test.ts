import { expect, it } from 'vitest';
import { HTML_502 } from '../../scripts/fake-upstream';
import { waitFor } from '../../scripts/stack/wait';
import { fakeUpstreamWorld } from './fake-world';
import { type Answer, everyGetRoute, summary } from './harness';

/**
 * Fake upstreams that answer 200 with a body that is not what Vigil expects: a truncated JSON `{`, an
 * HTML page, a proxy's 502 page. Every route answers a clear upstream error (or the snapshot's error),
 * never a 500. The real stack provides PostgreSQL only.
 */

const world = fakeUpstreamWorld('malformed-upstreams', {
  prometheus: { kind: 'answer', status: 200, body: HTML_502, contentType: 'text/html' },
  peers: [
    { kind: 'answer', status: 200, body: '{' },
    { kind: 'answer', status: 502, body: HTML_502, contentType: 'text/html' },
  ],
  loki: { kind: 'answer', status: 200, body: '{' },
});

it('with fake upstreams answering `{` or HTML, every route answers a clear upstream error and none a 500', async () => {
  const answers: [string, Answer][] = [];
  for (const path of everyGetRoute('0123456789abcdef'))
    answers.push([`GET ${path}`, await world().api(path, { giveUpMs: 15_000 })]);
  answers.push([
    'POST /api/v1/silences',
    await world().api('/api/v1/silences', {
      method: 'POST',
      json: { matchers: 'alertname="Malformed"', duration: '1h', comment: 'fake upstream is broken' },
    }),
  ]);
  for (const [what, answer] of answers)
    console.info(`[faults] fake malformed: ${summary(what, answer).slice(0, 260)}`);
  const failed = answers.filter(([, a]) => a.status === 500 || a.status === 0).map(([w, a]) => summary(w, a));
  expect(failed).toEqual([]);
  const get = (prefix: string) => answers.find(([what]) => what.startsWith(prefix))?.[1] as Answer;

  // A chart query: 502 that says the body is not JSON and what may be answering instead.
  const query = get('GET /api/v1/query?query=vector');
  expect(query.status, summary('query', query)).toBe(502);
  expect(query.body).toMatchObject({
    error: {
      source: 'prometheus',
      message: expect.stringContaining('not JSON (<html>'),
      hint: expect.stringContaining('PROMETHEUS_URL'),
    },
  });

  // The alerts snapshot carries the peers' errors: one truncated JSON, one proxy 502.
  const alerts = await waitFor(
    async () => {
      const answer = await world().api('/api/v1/alerts');
      const body = answer.body as { upstreams: { error: { message: string; hint?: string } | null }[] };
      return answer.status === 200 && body.upstreams[0]?.error ? body : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 250, what: 'the alerts snapshot to carry the error' },
  );
  expect(alerts.upstreams[0]?.error?.hint).toEqual(expect.stringMatching(/\w/));
  const upstreams = (await world().api('/api/v1/upstreams')).body as {
    upstreams: { kind: string; name: string; ok: boolean; detail: string }[];
  };
  console.info(`[faults] fake malformed: upstreams ${JSON.stringify(upstreams.upstreams)}`);
  expect(upstreams.upstreams.filter((u) => u.kind !== 'loki').every((u) => !u.ok)).toBe(true);
  const detail = (kind: string, name: RegExp) =>
    upstreams.upstreams.find((u) => u.kind === kind && name.test(u.name))?.detail ?? '';
  expect(detail('alertmanager', /peer 1$|default$/)).toMatch(/not JSON|unexpected shape|answered/);
  expect(detail('prometheus', /default/)).toMatch(/not JSON \(<html>/);

  const write = get('POST /api/v1/silences');
  expect(write.status, summary('POST /api/v1/silences', write)).toBe(502);
  expect(write.body).toMatchObject({ error: { source: 'alertmanager', hint: expect.stringMatching(/\w/) } });

  const health = get('GET /api/health');
  expect(health.status).toBe(503);
  expect(health.body).toMatchObject({ prometheus: 'down', alertmanager: 'down' });

  // Last, so everything above is checked whatever this says: Loki's /ready answers the text "ready";
  // a 200 with anything else (here `{`, or a proxy's page) is not a ready Loki.
  expect(
    upstreams.upstreams.find((u) => u.kind === 'loki'),
    'Loki /ready answered 200 "{"',
  ).toMatchObject({
    ok: false,
  });
  expect(health.body).toMatchObject({ loki: 'down' });
});
