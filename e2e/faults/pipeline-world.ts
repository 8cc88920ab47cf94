import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { waitFor } from '../../scripts/stack/wait';
import type { FakeReceiver } from './fake-receiver';
import { type FaultWorld, startFaultWorld } from './harness';

/**
 * A fault world for the pipeline watch: VIGIL_CONFIG with short durations (a missing heartbeat pages
 * after HEARTBEAT_MISSING_SECONDS, an unreachable cluster after CLUSTER_UNREACHABLE_SECONDS), one
 * escalation level paging the fake receiver's `/page` at once, no alert-triggered incidents (so every
 * page is a pipeline incident's), and optionally the outbound heartbeat to its `/heartbeat`.
 */

export const HEARTBEAT_MISSING_SECONDS = 20;
export const CLUSTER_UNREACHABLE_SECONDS = 4;

export async function startPipelineWorld(
  name: string,
  receiver: FakeReceiver,
  options: { outboundHeartbeat?: boolean } = {},
): Promise<FaultWorld> {
  return startFaultWorld({
    name,
    env: (stack) => {
      const file = path.join(stack.dir, 'vigil.yml');
      const lines = [
        'alertmanagers:',
        `  - { name: default, peers: [${stack.alertmanagerUrls.join(', ')}], heartbeat: { missingAfter: ${HEARTBEAT_MISSING_SECONDS}s } }`,
        'pipelineWatch:',
        `  clusterUnreachableAfter: ${CLUSTER_UNREACHABLE_SECONDS}s`,
        '  startupGrace: 5s',
        ...(options.outboundHeartbeat
          ? [`  outboundHeartbeat: { url: "${receiver.url}/heartbeat", interval: 1s }`]
          : []),
        'channels:',
        `  - { name: pager, type: webhook, url: "${receiver.url}/page" }`,
        'escalation:',
        '  levels: [{ level: 1, name: Pager, delay: 0s, targets: [pager] }]',
        '  autoIncident: { matchLabels: {} }',
      ];
      writeFileSync(file, `${lines.join('\n')}\n`);
      return { VIGIL_CONFIG: file };
    },
  });
}

/** The pages the receiver got, as their webhook bodies. */
export type Page = {
  incident: {
    id: string;
    number: number;
    title: string;
    severity: string;
    status: string;
    url: null;
    level: number;
  };
  level: { level: number; name: string };
  reason: string;
  comment: null;
  text: string;
};
/** The L1 page of a new pipeline incident, as the fake webhook receiver must get it, exactly. */
export const firstPage = (number: number, title: string) => ({
  incident: {
    id: expect.any(String),
    number,
    title,
    severity: 'critical',
    status: 'open',
    url: null,
    level: 1,
  },
  level: { level: 1, name: 'Pager' },
  reason: 'timer',
  comment: null,
  text: `INC-${number} [critical] ${title} — escalated to L1 Pager`,
});

export const pages = (receiver: FakeReceiver) =>
  receiver.calls.filter((c) => c.method === 'POST' && c.path === '/page').map((c) => c.body as Page);

/** Waits until the console lists the Watchdog alert active (Prometheus has sent it to the peers). */
export async function waitForWatchdog(world: FaultWorld): Promise<void> {
  await waitFor(
    async () => {
      const answer = await world.api(
        `/api/v1/alerts?filter=${encodeURIComponent('alertname="Watchdog"')}&state=active`,
      );
      return (answer.body as { counts?: { matching: number } }).counts?.matching === 1 || undefined;
    },
    { timeoutMs: 60_000, intervalMs: 500, what: 'the Watchdog alert in the console' },
  );
}

/**
 * The value of `vigil_pipeline_check_ok` for one check on Vigil's /metrics (public), or undefined when
 * the check has no sample.
 */
export async function pipelineCheckMetric(world: FaultWorld, check: string): Promise<number | undefined> {
  const text = await (await fetch(`${world.server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`vigil_pipeline_check_ok{check="${check}"`));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

/** Remembers a stack process's exact command line, to start it again after a SIGKILL. */
export function restarter(world: FaultWorld, name: string): () => ChildProcess {
  const proc = world.stack.processes.find((p) => p.name === name);
  if (!proc) throw new Error(`no ${name} in the stack`);
  const argv = readFileSync(`/proc/${proc.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const cwd = readlinkSync(`/proc/${proc.pid}/cwd`);
  return () => {
    const [command, ...args] = argv;
    const log = openSync(`${world.stack.dir}/logs/${name}-restarted.log`, 'a');
    return spawn(command as string, args, { cwd, stdio: ['ignore', log, log] });
  };
}

type IncidentDetail = { status: string; title: string; timeline: { type: string; sentence: string }[] };

export async function incident(world: FaultWorld, number: number): Promise<IncidentDetail> {
  return (await world.api(`/api/v1/incidents/INC-${number}`)).body as IncidentDetail;
}
