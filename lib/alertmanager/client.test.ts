import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, UpstreamError } from '@/lib/errors';
import {
  expireSilence,
  getAlertGroups,
  getAlerts,
  getSilence,
  getSilences,
  getStatus,
  postAlerts,
  postSilence,
} from './client';
import type { SilenceInput } from './schemas';
import {
  type FakeAlertmanager,
  type FakeAnswer,
  type FakeRequest,
  peerTarget,
  readFixture,
  startFakeAlertmanager,
} from './testing/fake-alertmanager';

// One fake peer for the file; each test sets what it answers.
let answer: (request: FakeRequest) => FakeAnswer;
let fake: FakeAlertmanager;
const peer = () => peerTarget(fake.url);
const json = (file: string, status = 200): FakeAnswer => ({
  status,
  body: readFixture(file),
  contentType: 'application/json',
});

beforeAll(async () => {
  fake = await startFakeAlertmanager((request) => answer(request));
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';

const input: SilenceInput = {
  matchers: [{ name: 'alertname', value: 'EndpointProbeFailed', isRegex: false, isEqual: true }],
  startsAt: '2026-11-21T08:08:10.000Z',
  endsAt: '2026-11-21T08:38:10.000Z',
  createdBy: 'console-e2e',
  comment: 'maintenance',
};

describe('reads (fake server)', () => {
  it('getAlerts sends booleans, repeated filter= and receiver as Alertmanager expects (fake server)', async () => {
    answer = () => json('alerts.json');
    const alerts = await getAlerts(peer(), {
      active: true,
      silenced: false,
      matchers: ['alertname="X"', 'env=~"prod.*"'],
      receiver: 'pager|chat',
    });
    expect(alerts).toHaveLength(4);
    const url = new URL(fake.requests[0]?.url ?? '', fake.url);
    expect(url.pathname).toBe('/api/v2/alerts');
    expect([...url.searchParams]).toEqual([
      ['active', 'true'],
      ['silenced', 'false'],
      ['filter', 'alertname="X"'],
      ['filter', 'env=~"prod.*"'],
      ['receiver', 'pager|chat'],
    ]);
  });

  it('getAlertGroups and getSilences read their paths (fake server)', async () => {
    answer = (request) =>
      json(request.url.startsWith('/api/v2/alerts/groups') ? 'alerts-groups.json' : 'silences.json');
    expect((await getAlertGroups(peer(), { inhibited: false }))[0]?.receiver).toBe('default');
    expect(await getSilences(peer(), ['alertname="X"'])).toHaveLength(4);
    expect(fake.requests.map((r) => r.url)).toEqual([
      '/api/v2/alerts/groups?inhibited=false',
      '/api/v2/silences?filter=alertname%3D%22X%22',
    ]);
  });

  it('getStatus reads the status (fake server)', async () => {
    answer = () => json('status.json');
    expect(await getStatus(peer())).toMatchObject({ clusterStatus: 'ready', version: '0.25.0' });
  });
});

describe('writes (fake server)', () => {
  it('postSilence posts the input and returns the id Alertmanager answers (fake server)', async () => {
    answer = () => json('post-silence-active.response.json');
    const id = await postSilence(peer(), { ...input, id: 'old-id' });
    expect(id).toBe('90a20596-b141-48f4-a0b5-564616da1116');
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/api/v2/silences' });
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual({ ...input, id: 'old-id' });
  });

  it('expireSilence accepts the empty 200 without a Content-Type (fake server)', async () => {
    answer = () => ({ status: 200, body: readFixture('delete-silence.response.txt') });
    await expect(expireSilence(peer(), 'a/b')).resolves.toBeUndefined();
    expect(fake.requests[0]).toMatchObject({ method: 'DELETE', url: '/api/v2/silence/a%2Fb' });
  });

  it('postAlerts posts the alerts as a JSON array (fake server)', async () => {
    answer = () => ({ status: 200, body: '' });
    await postAlerts(peer(), [{ labels: { alertname: 'X' } }]);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', url: '/api/v2/alerts' });
    expect(JSON.parse(fake.requests[0]?.body ?? '')).toEqual([{ labels: { alertname: 'X' } }]);
  });
});

describe('unknown silences (fake server)', () => {
  it('expireSilence turns 0.25\'s 500 "silence not found" into a NotFoundError (fake server)', async () => {
    answer = () => json('delete-silence-unknown-id.response.json', 500);
    const error = await expireSilence(peer(), UNKNOWN_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toMatch(
      /^Silence 00000000-0000-0000-0000-000000000000 does not exist on Alertmanager test peer 1 \(127\.0\.0\.1:\d+\)/,
    );
  });

  it('getSilence turns the empty 404 into a NotFoundError (fake server)', async () => {
    answer = () => ({ status: 404, body: readFixture('get-silence-unknown-id.response.txt') });
    await expect(getSilence(peer(), UNKNOWN_ID)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('getSilence keeps a 404 with a body, which means a wrong base URL, an UpstreamError (fake server)', async () => {
    answer = () => json('error-unknown-path.json', 404);
    const error = await getSilence(peer(), UNKNOWN_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).hint).toContain('check that ALERTMANAGER_URLS points at Alertmanager');
  });

  it('postSilence turns the 404 "silence not found" for an update of an unknown id into a NotFoundError (fake server)', async () => {
    // 0.25's answer, measured: 404, Content-Type application/json, body "silence not found" plus a newline.
    answer = () => ({ status: 404, body: '"silence not found"\n', contentType: 'application/json' });
    await expect(postSilence(peer(), { ...input, id: UNKNOWN_ID })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('other 500s stay UpstreamErrors (fake server)', async () => {
    answer = () => ({ status: 500, body: '"silence store is closed"', contentType: 'application/json' });
    await expect(expireSilence(peer(), UNKNOWN_ID)).rejects.toBeInstanceOf(UpstreamError);
  });
});

describe('failures (fake server)', () => {
  it('a 502 from a proxy becomes an UpstreamError with the status and body (fake server)', async () => {
    answer = () => ({ status: 502, body: 'Bad Gateway\n', contentType: 'text/plain' });
    const error = (await getAlerts(peer()).catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.upstreamStatus).toBe(502);
    expect(error.message).toBe('Alertmanager test peer 1 answered 502: Bad Gateway');
    expect(error.url).toBe(`${fake.url}/api/v2/alerts`);
  });

  it('a peer that does not answer in time becomes a timeout UpstreamError (fake server)', async () => {
    answer = () => 'hang';
    const started = performance.now();
    const error = (await getAlerts(peerTarget(fake.url, { timeoutMs: 150 })).catch(
      (e: unknown) => e,
    )) as UpstreamError;
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.upstreamStatus).toBeUndefined();
    expect(error.message).toMatch(/did not answer within 150 ms$/);
  });

  it('malformed JSON becomes an UpstreamError quoting the start of the body (fake server)', async () => {
    answer = () => ({ status: 200, body: '[{"fingerprint": ', contentType: 'application/json' });
    await expect(getAlerts(peer())).rejects.toThrow(
      'Alertmanager test peer 1 answered 200 with a body that is not JSON ([{"fingerprint": )',
    );
  });

  it('an unexpected shape names the offending field (fake server)', async () => {
    answer = () => ({ status: 200, body: '[{"fingerprint": 42}]', contentType: 'application/json' });
    await expect(getAlerts(peer())).rejects.toThrow(
      /^Alertmanager test peer 1 answered with an unexpected shape at 0\.fingerprint: /,
    );
  });

  it("a bad matcher's bare-string 400 surfaces verbatim (fake server)", async () => {
    answer = () => json('error-alerts-bad-matcher.json', 400);
    const error = (await getAlerts(peer(), { matchers: ['alertname~Watchdog'] }).catch(
      (e: unknown) => e,
    )) as UpstreamError;
    expect(error.upstreamStatus).toBe(400);
    expect(error.message).toBe(
      'Alertmanager test peer 1 answered 400: bad matcher format: alertname~Watchdog',
    );
  });
});
