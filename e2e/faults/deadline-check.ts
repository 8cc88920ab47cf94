import { expect } from 'vitest';
import { type Answer, everyGetRoute, type FaultWorld, summary, UPSTREAM_TIMEOUT_SECONDS } from './harness';

/**
 * A read waits at most for one upstream deadline (the first snapshot fetch); a write tries the two
 * peers in turn. Two deadlines plus a margin for the console itself on a busy two-core machine.
 */
const LIMIT_MS = 2 * UPSTREAM_TIMEOUT_SECONDS * 1000 + 3000;
/** Past this a call counts as hung (status 0): well beyond the limit, well short of the fakes' 30 s. */
const GIVE_UP_MS = LIMIT_MS + 4000;

/**
 * Calls every GET route, a silence write and an acknowledgement at once (the cold case: the first
 * reads wait for the first polls), then the snapshot routes again (warm), and checks that each
 * answered within LIMIT_MS, none with a 500, and with the upstreams' deadline errors.
 */
export async function expectEveryCallWithinDeadline(world: FaultWorld, label: string): Promise<void> {
  const calls: [string, Promise<Answer>][] = [];
  for (const path of everyGetRoute('0123456789abcdef'))
    calls.push([`GET ${path}`, world.api(path, { giveUpMs: GIVE_UP_MS })]);
  calls.push([
    'POST /api/v1/silences',
    world.api('/api/v1/silences', {
      method: 'POST',
      giveUpMs: GIVE_UP_MS,
      json: { matchers: 'alertname="Slow"', duration: '1h', comment: 'fake upstream is slow' },
    }),
  ]);
  calls.push([
    'POST /api/v1/alerts/…/ack',
    world.api('/api/v1/alerts/0123456789abcdef/ack', { method: 'POST', giveUpMs: GIVE_UP_MS }),
  ]);
  const cold = await Promise.all(calls.map(async ([what, p]) => [what, await p] as const));
  const warm = await Promise.all(
    ['/api/v1/alerts', '/api/v1/overview', '/api/v1/silences', '/api/health'].map(
      async (path) => [`GET ${path} (again)`, await world.api(path, { giveUpMs: GIVE_UP_MS })] as const,
    ),
  );
  const all = [...cold, ...warm];
  for (const [what, answer] of all) console.info(`[faults] ${label}: ${summary(what, answer).slice(0, 220)}`);

  const slow = all.filter(([, a]) => a.ms > LIMIT_MS).map(([w, a]) => summary(w, a));
  expect(slow, `limit ${LIMIT_MS} ms`).toEqual([]);
  const failed = all.filter(([, a]) => a.status === 500).map(([w, a]) => summary(w, a));
  expect(failed).toEqual([]);

  const byWhat = new Map(all);
  const query = all.find(([what]) => what.startsWith('GET /api/v1/query?query=vector'))?.[1];
  expect(query?.status).toBe(502);
  expect(query?.body).toMatchObject({
    error: { source: 'prometheus', message: expect.stringContaining('did not answer within 2000 ms') },
  });
  const alerts = byWhat.get('GET /api/v1/alerts (again)');
  expect(alerts?.status).toBe(200);
  const cluster = (alerts?.body as { upstreams?: { error: { message: string } | null }[] })?.upstreams?.[0];
  expect(cluster?.error?.message).toMatch(/did not answer within 2000 ms|answered/);
  const write = byWhat.get('POST /api/v1/silences');
  expect(write?.status, summary('POST /api/v1/silences', write as Answer)).toBe(502);
  expect(write?.text).toMatch(/did not answer within 2000 ms/);
  const health = byWhat.get('GET /api/health (again)');
  expect(health?.status).toBe(503);
  expect(health?.body).toMatchObject({ prometheus: 'down', alertmanager: 'down', loki: 'down' });
}
