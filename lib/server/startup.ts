import 'server-only';
import { config } from '@/lib/config/current';
import { runtimeState } from '@/lib/db/runtime';
import { env } from '@/lib/env';
import { startEscalation } from '@/lib/escalation/runner';
import { startMaintenance } from '@/lib/maintenance/runner';
import { metrics } from '@/lib/metrics/registry';
import { startSilenceReminders } from '@/lib/notify/silence-reminders';
import { sendPersonPage } from '@/lib/paging/send-page';
import { startRetention } from '@/lib/retention/runner';
import { sources } from '@/lib/snapshots/sources';
import { prepareDatabase } from './database';
import { startHelperThreadPriority } from './helper-threads';
import { startOutboundHeartbeat } from './outbound-heartbeat';
import { recordPeerAddresses } from './peer-address';
import { startPipelineWatch } from './pipeline-loop';
import { registerPollHooks } from './poll-hooks';

const log = (line: string) => console.info(`[vigil] ${line}`);

/**
 * Runs once when the server starts (instrumentation.ts): validate the environment and VIGIL_CONFIG,
 * bring up the database, apply migrations and start polling the upstreams. Any failure stops the server with a message that says
 * what to fix, instead of serving a console that fails on every request.
 */
export async function startServer(): Promise<void> {
  try {
    // First: every request from now on must carry its real peer address (see peer-address.ts).
    recordPeerAddresses();
    // The event loop first on a busy machine: V8's and libuv's helper threads yield to it.
    startHelperThreadPriority();
    const e = env();
    config();
    const { url } = await prepareDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.VIGIL_DATA_DIR }, log);
    runtimeState().databaseUrl = url;
    // The metrics registry must observe upstream requests from the first poll on.
    metrics();
    // Escalation and its outbox run in every instance; row locks keep instances from acting twice.
    // Before the first poll: starting writes the default policy and, on a new install, the seeded
    // routes, which the first alerts stored (poller or webhook) are routed by.
    await startEscalation({ sendToPerson: sendPersonPage });
    // Poll the upstreams from the start, not from the first visitor: later work (acknowledgements that
    // follow their alerts) depends on fresh snapshots whether or not a console is open.
    registerPollHooks();
    sources();
    // History is pruned in every instance too; its batches skip the rows another instance is deleting.
    startRetention();
    startMaintenance();
    startSilenceReminders();
    // The pipeline itself watched: pipeline incidents, and the dead-man's switch for Vigil when configured.
    startPipelineWatch();
    startOutboundHeartbeat();
    log('ready');
  } catch (error) {
    console.error(`\n${(error as Error).message}\n`);
    process.exit(1);
  }
}
