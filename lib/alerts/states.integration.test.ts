import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postAlerts } from '@/lib/alertmanager/client';
import { db } from '@/lib/db';
import { applyMigrations } from '@/lib/db/migrate';
import { runtimeState } from '@/lib/db/runtime';
import { startConsoleStack, stopConsoleStack } from '@/lib/testing/console-stack';
import type { Stack } from '../../scripts/stack/start-stack';
import { waitFor } from '../../scripts/stack/wait';
import { alertsQuerySchema } from './api-schema';

/**
 * The alerts the demo rules fire, read through the real snapshot pipeline (sources → queryAlerts) from
 * the harness's HA pair, with the right states: one inhibited by a critical alert on the same
 * instance, one silenced by a silence created with amtool.
 */

let stack: Stack;

beforeAll(async () => {
  stack = await startConsoleStack();
  // The list overlays acknowledgements, incidents and flapping from PostgreSQL, as in the server: with
  // no database each read failed and logged, and the list was served without them.
  await applyMigrations(stack.databaseUrl, path.join(process.cwd(), 'prisma', 'migrations'));
  runtimeState().databaseUrl = stack.databaseUrl;
});

afterAll(async () => {
  await db().$disconnect();
  await stopConsoleStack(stack);
});

const query = (filter = '', state = 'active,silenced,inhibited,acknowledged') =>
  alertsQuerySchema.parse({ filter, state, group_by: '' });

describe('alert states from the real Alertmanager pair', () => {
  it('lists firing, inhibited and silenced alerts with the right states', async () => {
    const { queryAlerts } = await import('./query');
    // InstanceDown (critical) fires for the harness's down target after its `for: 30s`.
    const instanceDown = await waitFor(
      async () => (await queryAlerts(query('alertname="InstanceDown" job="api"'))).alerts[0],
      { timeoutMs: 120_000, intervalMs: 1000, what: 'InstanceDown for job="api"' },
    );
    expect(instanceDown).toMatchObject({ state: 'firing', severity: 'critical' });
    expect(instanceDown.peers).toHaveLength(2);

    // A warning on the same instance is inhibited by it (route config: critical inhibits warning, equal instance).
    const instance = instanceDown.labels.instance ?? '';
    const { alertmanagerPeerTargets } = await import('@/lib/upstreams/targets');
    const peers = alertmanagerPeerTargets({
      name: 'default',
      peers: stack.alertmanagerUrls,
      timeoutMs: 5000,
    });
    const warning = {
      labels: { alertname: 'DiskWillFillIn4Hours', severity: 'warning', instance, job: 'api' },
      annotations: { summary: 'Disk fills up soon' },
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    for (const peer of peers) await postAlerts(peer, [warning]);
    const inhibited = await waitFor(
      async () =>
        (await queryAlerts(query('alertname="DiskWillFillIn4Hours"'))).alerts.find(
          (a) => a.state === 'inhibited',
        ),
      { timeoutMs: 30_000, intervalMs: 500, what: 'the warning to be inhibited' },
    );
    expect(inhibited.inhibitedBy).toContain(instanceDown.fingerprint);

    // A silence made with amtool, the way operators make them outside Vigil.
    execFileSync('amtool', [
      'silence',
      'add',
      'alertname=Watchdog',
      '--comment=maintenance',
      '--author=ops',
      '--duration=1h',
      `--alertmanager.url=${stack.alertmanagerUrls[0]}`,
    ]);
    const silenced = await waitFor(
      async () =>
        (await queryAlerts(query('alertname="Watchdog"'))).alerts.find((a) => a.state === 'silenced'),
      { timeoutMs: 30_000, intervalMs: 500, what: 'Watchdog to be silenced' },
    );
    expect(silenced.silencedBy).toHaveLength(1);

    // The default view (active and acknowledged) leaves the muted ones out; the counts still see them.
    const defaultView = await queryAlerts(alertsQuerySchema.parse({}));
    expect(defaultView.alerts.map((a) => a.alertname)).not.toContain('Watchdog');
    expect(defaultView.alerts.map((a) => a.alertname)).not.toContain('DiskWillFillIn4Hours');
    expect(defaultView.counts.byState.silenced).toBeGreaterThanOrEqual(1);
    expect(defaultView.counts.byState.inhibited).toBeGreaterThanOrEqual(1);
    expect(defaultView.upstreams[0]).toMatchObject({ cluster: 'default', error: null });

    // Route groups are read only once someone groups by route; the first such request waits for them.
    const byRoute = await queryAlerts(
      alertsQuerySchema.parse({ group_by: '@route', state: 'active,inhibited' }),
    );
    expect(byRoute.groups.find((g) => g.labels.alertname === 'InstanceDown')?.receiver).toBe('pager');
  });
});
