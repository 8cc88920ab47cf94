// The demo: the real stack (PostgreSQL, Prometheus, an HA pair of Alertmanagers, exporters, demo
// alert rules) and the built console on http://localhost:3000, with three demo users. Ctrl-C stops
// everything. Options: --port N (default 3000).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { alertmanagerStreams, startLokiReplay } from '@/lib/loki/replay-server';
import { buildIfStale } from './build-if-stale';
import { demoApi } from './demo-api';
import { SRE_USERS, seedOncall, startDemoMail } from './demo-oncall';
import { startDemoPager } from './demo-pager';
import { type SeedUser, seedUsers } from './seed-users';
import { ensureDebianPackages } from './stack/debian-packages';
import { startStack } from './stack/start-stack';
import { startVigilServer, vigilEnvFor } from './vigil-server';

const DEMO_USERS: SeedUser[] = [
  { email: 'admin@vigil.local', password: 'vigil-admin-demo', role: 'admin', name: 'Demo admin' },
  {
    email: 'responder@vigil.local',
    password: 'vigil-responder-demo',
    role: 'responder',
    name: 'Demo responder',
  },
  { email: 'viewer@vigil.local', password: 'vigil-viewer-demo', role: 'viewer', name: 'Demo viewer' },
  ...SRE_USERS,
];

const log = (line: string) => console.log(`[demo] ${line}`);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '3000' } } });
  const port = Number(values.port);
  if (!(await portIsFree(port)))
    throw new Error(`port ${port} is in use: stop what runs there, or run \`npm run demo -- --port 3001\``);

  await ensureDebianPackages({ log });
  buildIfStale(log);

  const webhookToken = randomBytes(24).toString('hex');
  log('starting PostgreSQL, Prometheus, two Alertmanagers and the exporters…');
  const stack = await startStack({ vigilUrl: `http://127.0.0.1:${port}`, webhookToken, log, showcase: true });
  // No Loki can be installed here: the demo's Loki is a replay of recorded Loki 2.8 answers that gives
  // every alert of the stack real-looking log lines (see lib/loki/replay-server.ts).
  const loki = await startLokiReplay({
    rewrite: { streams: alertmanagerStreams(stack.alertmanagerUrls[0]) },
  });
  const api = demoApi(stack.downTargetUrl);
  const mail = await startDemoMail(log);
  const pager = await startDemoPager(stack.dir, mail.port, port, (line) => log(line));
  let stopping = false;
  const stopAll = async (server?: { stop(): Promise<void> }) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await server?.stop();
    await api.stop();
    await pager.close();
    await mail.close();
    await loki.close();
    await stack.stop();
    log('stopped; nothing left running');
    process.exit(0);
  };
  try {
    await seedUsers(stack.databaseUrl, DEMO_USERS);
    // Before the console starts: its start-up resolves the levels' schedule slugs.
    await seedOncall(stack.databaseUrl);
    const server = await startVigilServer({
      port,
      logFile: path.join(stack.dir, 'logs', 'vigil.log'),
      env: {
        ...vigilEnvFor(stack),
        LOKI_URL: loki.url,
        VIGIL_LOKI_REPLAY: '1',
        VIGIL_CONFIG: pager.configFile,
      },
    });
    process.on('SIGINT', () => void stopAll(server));
    process.on('SIGTERM', () => void stopAll(server));
    console.log(`
  Vigil is running on http://localhost:${port}

  Sign in as (demo only; the database is thrown away when the demo stops):
${DEMO_USERS.map((u) => `    ${u.role.padEnd(9)}  ${u.email.padEnd(22)}  ${u.password}`).join('\n')}

  Prometheus      ${stack.prometheusUrl}
  Alertmanagers   ${stack.alertmanagerUrls.join('  ')}
  Loki            ${loki.url}  (a replay of recorded Loki 2.8 answers: no Loki is installed)
  Logs            ${path.join(stack.dir, 'logs')}

  About a dozen alerts fire for stand-in services (teams payments, platform, data, web): HighLatency
  is inhibited by HighErrorRate on the same instance, and HealthCheckFlapping fires one minute in two.

  Critical alerts open incidents that escalate L1 → L4 every 2 minutes until acknowledged: L1 posts
  to chat, L2 pages whoever is on call on the weekly rotation sre-primary (team SRE: Ana, Ben, Chloé;
  hand-off Mondays 09:00 Europe/Brussels), L3 the on-call of leads (Demo admin, then Ana), L4 the
  pager. Chat messages and pages are printed here; e-mail goes to a local SMTP server on
  127.0.0.1:${mail.port} and each message is printed here as "mail to <who>: <first line>".

  Try an acknowledgement that cleans up after itself: acknowledge InstanceDown (job="api") in the
  console, then type  fix  and Enter here to start the api service. The alert resolves, and the
  acknowledgement and its Alertmanager silence go away by themselves. Type  break  to stop it again.

  Press Ctrl-C to stop everything.
`);
    listenForCommands(api);
  } catch (error) {
    await pager.close();
    await mail.close();
    await loki.close();
    await stack.stop();
    throw error;
  }
}

/** `fix` / `break` on the demo's terminal start and stop the api stand-in. */
function listenForCommands(api: ReturnType<typeof demoApi>): void {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const command = line.trim().toLowerCase();
    if (command === 'fix')
      void api.start().then(
        () => log('the api service answers now: InstanceDown resolves within about a minute'),
        (error: Error) => log(`could not start the api service: ${error.message}`),
      );
    else if (command === 'break') void api.stop().then(() => log('the api service is down again'));
    else if (command !== '') log('type fix or break');
  });
}

main().catch((error: Error) => {
  console.error(`[demo] ${error.message}`);
  process.exit(1);
});
