import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotFoundError, UpstreamError } from '@/lib/errors';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { readClusterAlerts, writeWithFailover } from './cluster';
import { peerTarget, readFixture, startFakeAlertmanager } from './testing/fake-alertmanager';

const peers = [1, 2, 3].map((n) => peerTarget(`http://am-${n}:9093`, { name: `eu peer ${n}` }));

const upstreamError = (peer: UpstreamTarget, status: number | undefined) =>
  new UpstreamError(
    'alertmanager',
    `${peer.baseUrl}/api/v2/silences`,
    status,
    `Alertmanager ${peer.name} failed (${status ?? 'no answer'})`,
    'Check it.',
  );

/** A fake write: fails on the peers in `failures` with that status, succeeds elsewhere; logs who was tried. */
function fakeOp(failures: Record<string, number | undefined | Error>) {
  const tried: string[] = [];
  const op = async (peer: UpstreamTarget) => {
    tried.push(peer.name);
    if (!(peer.name in failures)) return `silence via ${peer.name}`;
    const failure = failures[peer.name];
    throw failure instanceof Error ? failure : upstreamError(peer, failure);
  };
  return { op, tried };
}

describe('writeWithFailover', () => {
  it('writes to the first peer when it works', async () => {
    const { op, tried } = fakeOp({});
    expect(await writeWithFailover(peers, op)).toEqual({
      result: 'silence via eu peer 1',
      peer: 'eu peer 1',
    });
    expect(tried).toEqual(['eu peer 1']);
  });

  it('moves on, in order, past a peer without answer, a timeout and a 5xx', async () => {
    const { op, tried } = fakeOp({ 'eu peer 1': undefined, 'eu peer 2': 503 });
    expect(await writeWithFailover(peers, op)).toEqual({
      result: 'silence via eu peer 3',
      peer: 'eu peer 3',
    });
    expect(tried).toEqual(['eu peer 1', 'eu peer 2', 'eu peer 3']);
  });

  it.each([400, 422])('throws a %i at once: bad input fails on every peer', async (status) => {
    const { op, tried } = fakeOp({ 'eu peer 1': status });
    await expect(writeWithFailover(peers, op)).rejects.toMatchObject({ upstreamStatus: status });
    expect(tried).toEqual(['eu peer 1']);
  });

  it('throws a 2xx with an unreadable body at once: the write probably happened', async () => {
    const { op, tried } = fakeOp({ 'eu peer 1': 200 });
    await expect(writeWithFailover(peers, op)).rejects.toMatchObject({ upstreamStatus: 200 });
    expect(tried).toEqual(['eu peer 1']);
  });

  it('throws a NotFoundError or any other error at once', async () => {
    for (const failure of [new NotFoundError('Silence x does not exist'), new TypeError('bug')]) {
      const { op, tried } = fakeOp({ 'eu peer 1': failure });
      await expect(writeWithFailover(peers, op)).rejects.toBe(failure);
      expect(tried).toEqual(['eu peer 1']);
    }
  });

  it('throws the last error with a hint naming every peer when all fail', async () => {
    const { op, tried } = fakeOp({ 'eu peer 1': undefined, 'eu peer 2': 500, 'eu peer 3': 502 });
    const error = (await writeWithFailover(peers, op).catch((e: unknown) => e)) as UpstreamError;
    expect(tried).toEqual(['eu peer 1', 'eu peer 2', 'eu peer 3']);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.upstreamStatus).toBe(502);
    expect(error.message).toBe('Alertmanager eu peer 3 failed (502)');
    expect(error.hint).toBe(
      'Every peer failed, tried in this order: eu peer 1 (am-1:9093), eu peer 2 (am-2:9093), eu peer 3 (am-3:9093). Check it.',
    );
  });
});

// The first read starts the cluster's poll worker, which loads its TypeScript through tsx here: seconds.
describe('readClusterAlerts (fake server)', { timeout: 30_000 }, () => {
  it('returns the answering peer’s alerts and marks the 502 peer down (fake server)', async () => {
    const up = await startFakeAlertmanager(() => ({
      status: 200,
      body: readFixture('alerts.json'),
      contentType: 'application/json',
    }));
    const broken = await startFakeAlertmanager(() => ({ status: 502, body: 'Bad Gateway' }));
    try {
      const { alerts, peers } = await readClusterAlerts({
        name: 'eu',
        peers: [up.url, broken.url],
        timeoutMs: 2_000,
      });
      expect(alerts).toHaveLength(4);
      expect(alerts.every((a) => a.cluster === 'eu' && a.peers.join() === 'eu peer 1')).toBe(true);
      expect(peers).toEqual([
        { name: 'eu peer 1', address: new URL(up.url).host, ok: true },
        {
          name: 'eu peer 2',
          address: new URL(broken.url).host,
          ok: false,
          error:
            'Alertmanager eu peer 2 answered 502: Bad Gateway. Alertmanager eu peer 2 failed; its own log says why.',
        },
      ]);
    } finally {
      await Promise.all([up.close(), broken.close()]);
    }
  });

  it.runIf(process.platform === 'linux')(
    'parses on a thread that yields the cores to the main thread (fake server)',
    async () => {
      const up = await startFakeAlertmanager(() => ({
        status: 200,
        body: readFixture('alerts.json'),
        contentType: 'application/json',
      }));
      try {
        await readClusterAlerts({ name: 'nice', peers: [up.url], timeoutMs: 2_000 });
        // Field 19 of /proc/<pid>/task/<tid>/stat, counted after the command name's closing parenthesis.
        const nice = (tid: string) =>
          Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]);
        const threads = readdirSync('/proc/self/task');
        expect(nice(String(process.pid))).toBe(0);
        expect(threads.filter((tid) => nice(tid) === 10).length).toBeGreaterThanOrEqual(1);
        expect(threads.filter((tid) => nice(tid) !== 0 && nice(tid) !== 10)).toEqual([]);
      } finally {
        await up.close();
      }
    },
  );

  it('throws when every peer fails (fake server)', async () => {
    const broken = await startFakeAlertmanager(() => ({ status: 502, body: 'Bad Gateway' }));
    try {
      await expect(
        readClusterAlerts({ name: 'eu', peers: [broken.url, broken.url], timeoutMs: 2_000 }),
      ).rejects.toThrow('No peer of Alertmanager cluster "eu" answered');
    } finally {
      await broken.close();
    }
  });
});
